import { organizationAccounts } from '../../../scanner/sources/live/targets';
import { ClientSet } from '../../../scanner/sources/live/client-set';
import { LiveCaller } from '../../../scanner/sources/live/live-caller';
import { DEFAULT_LIVE_TUNING } from '../../../scanner/scan/scan-live';
import { LexguardError } from '../../../scanner/errors';
import { regionsFromEnv, requireEnv, targetSelectionFromEnv } from './environment';
import { ReportsBucket } from './reports-bucket';
import { runIdOf, runKeys, type ListTargetsEvent, type RunRef, type ScanTarget } from './run-layout';

/**
 * The first step of a scheduled scan: which accounts to read (AWS Organizations' active accounts, or the
 * configured list), each with the read-only role to assume and the regions to read. The list is written
 * to the reports bucket, where the Distributed Map reads its items; only its key goes on.
 */
export async function handler(event: ListTargetsEvent): Promise<RunRef> {
  const bucket = ReportsBucket.fromEnv();
  const regions = regionsFromEnv();
  const roleName = requireEnv('scannerRole');
  const partition = requireEnv('partition');
  const accounts = await accountsToScan();
  const runId = runIdOf(event);
  const targets: ScanTarget[] = accounts.map((account) => ({
    account,
    roleArn: `arn:${partition}:iam::${account}:role/${roleName}`,
    regions,
  }));
  const targetsKey = runKeys.targets(runId);
  await bucket.putJson(targetsKey, targets);
  return {
    runId,
    startedAt: new Date(event.startedAt).toISOString(),
    bucket: bucket.name,
    targetsKey,
    accounts: targets.length,
    regions,
  };
}

/** The configured accounts, or the organization's; a listing that failed stops the scan (it would be partial). */
async function accountsToScan(): Promise<string[]> {
  const selection = targetSelectionFromEnv();
  if ('accounts' in selection) return [...new Set(selection.accounts)].sort();
  const caller = new LiveCaller({
    callTimeoutMs: DEFAULT_LIVE_TUNING.callTimeoutMs,
    concurrencyPerService: 1,
  });
  const clients = new ClientSet(DEFAULT_LIVE_TUNING, caller.clock);
  try {
    const listed = await organizationAccounts(caller, clients);
    if (listed.failure) {
      throw new LexguardError(
        'AWS_UNAVAILABLE',
        `the organization's accounts could not be listed: ${listed.failure}`,
      );
    }
    return [...new Set(listed.accounts)].sort();
  } finally {
    clients.destroy();
  }
}
