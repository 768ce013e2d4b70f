import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import pLimit from 'p-limit';
import { auditInputFromHistory } from '../../../scanner/audit/audit-from-history';
import { buildAuditReport } from '../../../scanner/audit/build-audit-report';
import { installedClauseCatalog } from '../../../scanner/audit/clause-catalog';
import { fingerprintOf } from '../../../scanner/findings/fingerprint';
import type { InputProblem, ScanReport } from '../../../scanner/findings/scan-report';
import { mergeScanReports } from '../../../scanner/findings/merge-scan-reports';
import { summarise } from '../../../scanner/findings/summary';
import { carryUnreadScopes, type UnreadScope } from '../../../scanner/findings/unread-scopes';
import { openHistoryStore } from '../../../scanner/history/open-history-store';
import { readHistoryView } from '../../../scanner/history/read-history';
import { recordBefore, recordScan } from '../../../scanner/history/record-scan';
import { ACCOUNT_WIDE } from '../../../scanner/sources/live/live-part';
import { loadAuditConfig } from './audit-config';
import { requireEnv } from './environment';
import type { AccountScan } from './judge-account';
import { auditNotification, newCritical, type Notification } from './notification';
import { ReportsBucket } from './reports-bucket';
import { writeReports } from './write-reports';
import {
  HISTORY_PREFIX,
  runKeys,
  type FinaliseEvent,
  type FinaliseResult,
  type ScanTarget,
} from './run-layout';

/** Account results read at once from the reports bucket. */
const READ_CONCURRENCY = 16;
/** Past scans the report's trend chart covers. */
const TREND_LENGTH = 12;

/**
 * The last step: merges the accounts' verdicts into one scan, carries forward as UNKNOWN what could not
 * be read this time, records the scan in the S3 history, writes the audit report (HTML, JSON, CSV) with
 * the changes since the previous scan, and notifies the topic of new critical findings and of anything
 * not read. A run stopped before any account was judged is notified, and nothing is recorded: a scan that
 * read nothing would make every open finding look fixed.
 */
export async function handler(event: FinaliseEvent): Promise<FinaliseResult> {
  const bucket = ReportsBucket.fromEnv();
  const topic = requireEnv('topic');
  const run = event.run;
  const stopped = event.error ? `${event.error.Error ?? 'error'}: ${event.error.Cause ?? ''}` : undefined;
  const targets = run ? await bucket.getJson<ScanTarget[]>(run.targetsKey) : undefined;
  if (!run || !targets) {
    await publish(topic, {
      subject: 'lexguard audit: the scheduled scan could not start',
      message: `The scheduled lexguard audit scan stopped before listing its targets${stopped ? `: ${stopped}` : ''}.\nNothing was scanned or recorded.\n`,
    });
    return { reports: [], notified: true, newCritical: 0, unread: 0 };
  }
  const limit = pLimit(READ_CONCURRENCY);
  const scans = await Promise.all(
    targets.map((target) =>
      limit(() => bucket.getJson<AccountScan>(runKeys.account(run.runId, target.account))),
    ),
  );
  const unread: UnreadScope[] = [];
  const missing: InputProblem[] = [];
  targets.forEach((target, index) => {
    const scan = scans[index];
    if (scan) {
      unread.push(...scan.unread);
      return;
    }
    const reason = `no result for the account: its item of the map failed${stopped ? ` (${stopped})` : ''}; see the Map Run under runs/map/`;
    missing.push({ code: 'AWS_UNAVAILABLE', message: `account ${target.account}: ${reason}` });
    for (const region of [...target.regions, ACCOUNT_WIDE])
      unread.push({ account: target.account, region, reason });
  });
  const reports = scans.filter((scan): scan is AccountScan => scan !== undefined).map((scan) => scan.report);
  if (reports.length === 0) {
    await publish(topic, {
      subject: 'lexguard audit: no account could be scanned',
      message: `The scheduled lexguard audit scan ${run.runId} judged no account${stopped ? ` (${stopped})` : ''}.\nNothing was recorded.\n${missing.map((problem) => `- ${problem.message}`).join('\n')}\n`,
    });
    return { runId: run.runId, reports: [], notified: true, newCritical: 0, unread: unread.length };
  }

  const config = loadAuditConfig();
  const store = openHistoryStore(bucket.location(HISTORY_PREFIX), {
    kmsKeyId: bucket.kmsKeyId,
    s3: { forcePathStyle: bucket.client.config.forcePathStyle ?? false },
  });
  const merged = mergeScanReports(reports);
  const previous = await recordBefore(store, merged.scan.started_at);
  const carried = carryUnreadScopes(previous?.record.report, unread);
  const report = withCarried(merged, carried, missing);
  const recorded = await recordScan(store, report);
  const view = await readHistoryView(store, { id: recorded.ref.id, trendLength: TREND_LENGTH });
  const audit = buildAuditReport(
    auditInputFromHistory(view, config.remediationDeadlines, installedClauseCatalog()),
  );
  const written = await writeReports(bucket, run.runId, report, audit);
  const carriedFingerprints = new Set(carried.map(fingerprintOf));
  const notification = auditNotification({
    runId: run.runId,
    audit,
    unread,
    reports: written,
    carried: carriedFingerprints,
  });
  if (notification) await publish(topic, notification);
  return {
    runId: run.runId,
    historyId: recorded.ref.id,
    reports: written,
    notified: notification !== undefined,
    newCritical: newCritical(audit, carriedFingerprints).length,
    unread: unread.length,
  };
}

/** The merged scan with the carried-forward findings and the accounts with no result as errors. */
function withCarried(
  merged: ScanReport,
  carried: ScanReport['findings'],
  missing: InputProblem[],
): ScanReport {
  const findings = [...merged.findings, ...carried];
  return { ...merged, findings, errors: [...merged.errors, ...missing], summary: summarise(findings) };
}

async function publish(topicArn: string, notification: Notification): Promise<void> {
  const sns = new SNSClient({});
  try {
    await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: notification.subject,
        Message: notification.message,
      }),
    );
  } finally {
    sns.destroy();
  }
}
