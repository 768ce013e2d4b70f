import { PolicyEngine } from '../../../scanner/engine/policy-engine';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import type { UnreadScope } from '../../../scanner/findings/unread-scopes';
import { judgeLiveCollection } from '../../../scanner/scan/scan-live';
import {
  ACCOUNT_WIDE,
  joinLiveParts,
  missingParts,
  type LivePart,
} from '../../../scanner/sources/live/live-part';
import { loadAuditConfig } from './audit-config';
import { ReportsBucket } from './reports-bucket';
import { runKeys, type JudgeAccountEvent, type JudgeAccountResult } from './run-layout';

export const ACCOUNT_SCAN_FORMAT = 'lexguard-account-scan/1';

/** One account's verdict, as judge-account stores it for finalise. */
export interface AccountScan {
  format: typeof ACCOUNT_SCAN_FORMAT;
  account: string;
  report: ScanReport;
  /** Regions (or `global`, the account-wide settings) that were meant to be read and were not. */
  unread: UnreadScope[];
}

let engine: Promise<PolicyEngine> | undefined;

/**
 * After every region of an account was read: joins the parts into one model, links it (links cross
 * regions), and runs every rule once, exactly as `lexguard scan live` judges an account read in one go. A
 * region whose part is missing (its function failed or timed out) or whose role could not be assumed is
 * an error of the report and is listed as unread, so that finalise never takes it for a clean region.
 */
export async function handler(event: JudgeAccountEvent): Promise<JudgeAccountResult> {
  const bucket = ReportsBucket.fromEnv();
  const config = loadAuditConfig();
  const stored = await Promise.all(
    event.regions.map((region) => bucket.getJson<LivePart>(runKeys.part(event.runId, event.account, region))),
  );
  const parts = stored.filter((part): part is LivePart => part !== undefined);
  const unread = unreadScopes(event, parts);
  const collection = joinLiveParts(parts, config.rules);
  const started = earliest(parts.map((part) => part.started_at)) ?? new Date();
  const finished = latest(parts.map((part) => part.finished_at)) ?? started;
  const report = judgeLiveCollection(collection, {
    engine: await (engine ??= PolicyEngine.load()),
    config,
    suppressions: [],
    // No attestations reach the scheduled scan yet: attested controls are UNKNOWN in its reports.
    attestations: {},
    startedAt: started,
    now: () => new Date(),
    collectionWallMs: finished.getTime() - started.getTime(),
  });
  report.errors.push(
    ...unread
      .filter((scope) => parts.every((part) => part.region !== scope.region))
      .map((scope) => ({
        code: 'AWS_UNAVAILABLE' as const,
        message: `account ${scope.account}, ${scope.region}: ${scope.reason}`,
      })),
  );
  const key = runKeys.account(event.runId, event.account);
  const scan: AccountScan = { format: ACCOUNT_SCAN_FORMAT, account: event.account, report, unread };
  await bucket.putJson(key, scan);
  return {
    account: event.account,
    key,
    fail: report.summary.by_status.FAIL,
    unknown: report.summary.by_status.UNKNOWN,
    unread: unread.map((scope) => scope.region),
  };
}

/** The regions (and account-wide part) not read: parts missing, or parts whose role could not be assumed. */
function unreadScopes(event: JudgeAccountEvent, parts: readonly LivePart[]): UnreadScope[] {
  const unread: UnreadScope[] = missingParts(parts, event).map((region) => ({
    account: event.account,
    region,
    reason:
      region === ACCOUNT_WIDE
        ? 'its account-wide part (IAM, account settings) was not read: the function reading it failed or timed out'
        : 'no result: the function reading this region failed or timed out',
  }));
  for (const part of parts) {
    const unreachable = part.problems.find((problem) => problem.kind === 'unreachable');
    if (!unreachable) continue;
    const reason = `${unreachable.target}: ${unreachable.reason}`;
    unread.push({ account: event.account, region: part.region, reason });
    if (part.account_wide) unread.push({ account: event.account, region: ACCOUNT_WIDE, reason });
  }
  return unread;
}

function earliest(times: string[]): Date | undefined {
  const sorted = [...times].sort();
  return sorted.length > 0 ? new Date(sorted[0]) : undefined;
}

function latest(times: string[]): Date | undefined {
  const sorted = [...times].sort();
  return sorted.length > 0 ? new Date(sorted[sorted.length - 1]) : undefined;
}
