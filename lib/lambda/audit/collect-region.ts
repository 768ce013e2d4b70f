import { loadAuditConfig } from './audit-config';
import { collectLivePart } from '../../../scanner/sources/live/live-part';
import { DEFAULT_LIVE_TUNING } from '../../../scanner/scan/scan-live';
import { ReportsBucket } from './reports-bucket';
import { runKeys, type CollectRegionEvent, type CollectRegionResult } from './run-layout';

/**
 * One item of the fan-out: reads one region of one account through its read-only role, fail-closed as
 * every live scan is (a denied or failing call leaves values unknown, never "off"), and stores the part
 * unlinked. The account's first region also reads what is account-wide. The judge step joins the parts.
 */
export async function handler(event: CollectRegionEvent): Promise<CollectRegionResult> {
  const bucket = ReportsBucket.fromEnv();
  const config = loadAuditConfig();
  const accountWide = event.index === 0;
  const part = await collectLivePart({
    roleArn: event.roleArn,
    region: event.region,
    accountWide,
    homeRegion: event.region,
    config: config.rules,
    client: DEFAULT_LIVE_TUNING,
    callTimeoutMs: DEFAULT_LIVE_TUNING.callTimeoutMs,
    concurrencyPerService: DEFAULT_LIVE_TUNING.concurrencyPerService,
  });
  const key = runKeys.part(event.runId, event.account, event.region);
  await bucket.putJson(key, part);
  return {
    account: event.account,
    region: event.region,
    key,
    accountWide,
    problems: part.problems.length,
  };
}
