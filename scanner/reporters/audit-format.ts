import type { AuditFinding } from '../audit/audit-report';

/** Text forms shared by the audit formats, so HTML, Markdown and CSV say the same thing the same way. */

/** `97.5%`, or `—` when nothing was assessed. */
export function formatPct(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

/** The date part of an ISO 8601 time: `2026-11-23`. */
export function formatDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** `12 d of 30 (18 left)` or `40 d of 30 (10 overdue)`; empty for findings that are not open. */
export function deadlineText(finding: AuditFinding): string {
  if (finding.age_days === undefined || finding.days_left === undefined) return '';
  const left = finding.overdue ? `${Math.abs(finding.days_left)} d overdue` : `${finding.days_left} d left`;
  return `${finding.age_days} d of ${finding.deadline_days} (${left})`;
}

/** What a finding's change since the previous scan is called. */
export const CHANGE_LABELS = { new: 'new', regressed: 'regressed', still_open: 'still open' } as const;

/** A live finding's API evidence on one line: `s3:GetBucketPolicy at 2026-11-23T09:15:00Z sha256:0a1b…`. */
export function apiCallsText(finding: AuditFinding): string {
  if (finding.evidence.kind !== 'live') return '';
  return finding.evidence.calls
    .map(
      (call) =>
        `${call.call} at ${call.time}${call.digest ? ` sha256:${call.digest.slice(0, 12)}` : ''}${call.error ? ` (${call.error})` : ''}`,
    )
    .join('; ');
}
