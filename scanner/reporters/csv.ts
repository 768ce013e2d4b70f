import { stringify } from 'csv-stringify/sync';
import { apiCallsText, CHANGE_LABELS, formatDate } from './audit-format';
import { auditOf } from './audit-of';
import type { Reporter } from './reporter';

const COLUMNS = [
  'status',
  'severity',
  'rule_id',
  'title',
  'clauses',
  'resource_id',
  'resource_kind',
  'account',
  'region',
  'location',
  'property_path',
  'api_evidence',
  'message',
  'change',
  'first_seen',
  'age_days',
  'deadline_days',
  'due',
  'overdue',
  'waiver_reason',
  'waiver_owner',
  'waiver_expires',
  'remediation',
  'policy_digest',
] as const;

/**
 * One row per finding, for spreadsheets. Spreadsheet programs run a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula, and resource names and tag values are attacker-chosen:
 * csv-stringify's `escape_formulas` prefixes such cells with a quote so they stay text. The last column is
 * the policy bundle's digest (`lexguard verify` checks it for JSON reports).
 */
export const csvReporter: Reporter = {
  name: 'csv',
  description: 'audit report: one row per finding, with first-seen date, age and deadline (spreadsheet-safe)',
  render(report, options) {
    const audit = auditOf(report, options);
    const rows = audit.findings.map((finding) => ({
      status: finding.status,
      severity: finding.severity,
      rule_id: finding.rule_id,
      title: finding.title,
      clauses: finding.clauses.join(' '),
      resource_id: finding.resource.id,
      resource_kind: finding.resource.kind,
      account: finding.account ?? '',
      region: finding.region ?? '',
      location: finding.where,
      property_path: finding.evidence.kind === 'template' ? (finding.evidence.property_path ?? '') : '',
      api_evidence: apiCallsText(finding),
      message: finding.message,
      change: finding.change ? CHANGE_LABELS[finding.change] : '',
      first_seen: formatDate(finding.first_seen),
      age_days: finding.age_days ?? '',
      deadline_days: finding.deadline_days ?? '',
      due: formatDate(finding.due),
      overdue: finding.overdue === undefined ? '' : finding.overdue ? 'yes' : 'no',
      waiver_reason: finding.waiver?.reason ?? '',
      waiver_owner: finding.waiver?.owner ?? '',
      waiver_expires: finding.waiver?.expires ?? '',
      remediation: finding.remediation,
      // On every row, so a row copied out of the sheet still says which rules judged it.
      policy_digest: report.policy.digest,
    }));
    return stringify(rows, {
      header: true,
      columns: [...COLUMNS],
      escape_formulas: true,
      record_delimiter: 'windows',
    });
  },
};
