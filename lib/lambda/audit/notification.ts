import type { AuditFinding, AuditReport } from '../../../scanner/audit/audit-report';
import type { UnreadScope } from '../../../scanner/findings/unread-scopes';

/** An SNS message: the subject (at most 100 characters, as SNS allows) and the text. */
export interface Notification {
  subject: string;
  message: string;
}

export interface NotificationInput {
  runId: string;
  audit: AuditReport;
  /** What the scan was meant to read and could not. */
  unread: readonly UnreadScope[];
  /** Where the reports were written (`s3://…`). */
  reports: readonly string[];
  /**
   * Fingerprints of the findings carried forward from the previous scan for what could not be read: they
   * are told as parts not read, not as new findings.
   */
  carried: ReadonlySet<string>;
}

/** Findings listed one by one in a message; the report has the rest. */
const LISTED = 25;
const SUBJECT_LIMIT = 100;

/**
 * The message sent when a scheduled scan found CRITICAL findings that were not open in the previous scan
 * (new, or regressed after a fix), or could not read part of the estate: a scan that could not read an
 * account is not silently complete. Nothing is sent when neither happened.
 */
export function auditNotification(input: NotificationInput): Notification | undefined {
  const critical = newCritical(input.audit, input.carried);
  if (critical.length === 0 && input.unread.length === 0) return undefined;
  const problems = [
    critical.length > 0 ? `${critical.length} new critical finding(s)` : undefined,
    input.unread.length > 0 ? `${input.unread.length} part(s) of the estate not read` : undefined,
  ].filter((part): part is string => part !== undefined);
  const { changes } = input.audit;
  const lines = [
    `lexguard scheduled audit scan ${input.runId}: ${problems.join(', ')}.`,
    '',
    `Scan ${input.audit.scan.history_id ?? '(not stored)'} of ${input.audit.scan.accounts.length} account(s) in ${input.audit.scan.regions.length} region(s), ` +
      (input.audit.scan.previous
        ? `compared with ${input.audit.scan.previous.id}`
        : 'the first in the history') +
      `: ${changes.new} new, ${changes.regressed} regressed, ${changes.still_open} still open, ${changes.fixed} fixed, ${changes.overdue} overdue.`,
  ];
  if (critical.length > 0) {
    lines.push('', 'Critical findings not open in the previous scan:');
    for (const finding of critical.slice(0, LISTED)) lines.push(`- ${describe(finding)}`);
    if (critical.length > LISTED) lines.push(`- … and ${critical.length - LISTED} more in the report`);
  }
  if (input.unread.length > 0) {
    lines.push(
      '',
      'Not read in this scan (their findings from the previous scan are carried forward as UNKNOWN):',
    );
    for (const scope of input.unread.slice(0, LISTED))
      lines.push(`- account ${scope.account}, ${scope.region}: ${scope.reason}`);
    if (input.unread.length > LISTED) lines.push(`- … and ${input.unread.length - LISTED} more`);
  }
  lines.push('', 'Reports:', ...input.reports.map((report) => `- ${report}`));
  return { subject: subjectOf(`lexguard audit: ${problems.join(', ')}`), message: `${lines.join('\n')}\n` };
}

/**
 * Open CRITICAL findings that were not open in the previous scan: new, or regressed after a fix. Those
 * carried forward for a part of the estate not read are left out (the notification lists that part).
 */
export function newCritical(audit: AuditReport, carried: ReadonlySet<string> = new Set()): AuditFinding[] {
  return audit.findings.filter(
    (finding) =>
      finding.severity === 'CRITICAL' &&
      (finding.change === 'new' || finding.change === 'regressed') &&
      !carried.has(finding.fingerprint),
  );
}

function describe(finding: AuditFinding): string {
  const place = [finding.account ? `account ${finding.account}` : undefined, finding.region]
    .filter(Boolean)
    .join(', ');
  return `${finding.status} ${finding.rule_id} ${finding.resource.id}${place ? ` (${place})` : ''}: ${finding.message}`;
}

/** SNS subjects are ASCII, without line breaks, at most 100 characters. */
function subjectOf(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '-');
  return ascii.length <= SUBJECT_LIMIT ? ascii : `${ascii.slice(0, SUBJECT_LIMIT - 3)}...`;
}
