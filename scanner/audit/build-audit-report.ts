import { fingerprintOf } from '../findings/fingerprint';
import type { Finding } from '../findings/finding';
import type { ScanReport } from '../findings/scan-report';
import { SEVERITIES, type Severity } from '../findings/severity';
import { isOpen, STATUSES } from '../findings/status';
import type { TrendPoint } from '../history/read-history';
import type { AuditFinding, AuditReport } from './audit-report';
import { compareScans } from './changes';
import type { ClauseCatalog } from './clause-catalog';
import {
  attestationRows,
  clauseStatuses,
  frameworkSection,
  resourceRows,
  scopeRows,
  severityRows,
} from './compliance';
import { deadlineStatus } from './deadlines';
import { placeOf } from './evidence';
import { compareText } from '../util/compare-text';
import { tally } from './tally';

export interface AuditInput {
  /** The scan reported on. */
  current: ScanReport;
  /** When each open finding was first seen open (from the history); the scan's start for any not given. */
  openSince?: Record<string, string>;
  /** The history record of the scan reported on. */
  currentId?: string;
  /** The scan before it, to tell new, fixed, regressed and still-open findings apart. */
  previous?: { id: string; report: ScanReport; openSince?: Record<string, string> };
  /** Past scans for the trend chart, oldest first, ending with the current one. */
  trend?: TrendPoint[];
  remediationDeadlines: Record<Severity, number>;
  catalog: ClauseCatalog;
  /** The clock ages and deadlines are computed against; the end of the scan when absent. */
  now?: Date;
}

/** Builds everything an audit report shows from a scan and, when there is one, the scan before it. */
export function buildAuditReport(input: AuditInput): AuditReport {
  const { current } = input;
  const now = input.now ?? new Date(current.scan.finished_at);
  const comparison = compareScans(current, input.previous?.report);
  const findings = current.findings
    .map((finding) => auditFinding(finding, input, comparison.changeOf, now))
    .sort(byUrgency);
  const attestations = attestationRows(current.attestations, now);
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const finding of findings) {
    if (finding.account) accounts.add(finding.account);
    if (finding.region) regions.add(finding.region);
  }
  const open = findings.filter((finding) => finding.change !== undefined);
  return {
    as_of: now.toISOString(),
    scan: {
      lexguard_version: current.tool.version,
      policy_digest: current.policy.digest,
      opa_version: current.policy.opa_version,
      rules: current.policy.rules,
      source_kind: current.scan.source_kind,
      started_at: current.scan.started_at,
      finished_at: current.scan.finished_at,
      targets: current.scan.targets,
      accounts: [...accounts].sort(),
      regions: [...regions].sort(),
      ...(input.currentId ? { history_id: input.currentId } : {}),
      ...(input.previous
        ? { previous: { id: input.previous.id, started_at: input.previous.report.scan.started_at } }
        : {}),
      coverage: {
        resources: new Set(findings.filter((f) => f.resource.id !== '*').map((f) => f.resource.id)).size,
        findings: findings.length,
        not_modelled: current.not_modelled,
        input_errors: current.errors,
        notes: current.notes.length,
      },
    },
    totals: tally(findings.map((finding) => finding.status)),
    clauses: clauseStatuses(findings, input.catalog, attestations),
    ...(input.catalog.note ? { catalog_note: input.catalog.note } : {}),
    frameworks: frameworkSection(findings),
    severities: severityRows(findings, input.remediationDeadlines),
    scopes: scopeRows(findings),
    resources: resourceRows(findings),
    findings,
    changes: {
      new: open.filter((finding) => finding.change === 'new').length,
      regressed: open.filter((finding) => finding.change === 'regressed').length,
      still_open: open.filter((finding) => finding.change === 'still_open').length,
      fixed: comparison.fixed.length,
      waived: comparison.waived.length,
      overdue: open.filter((finding) => finding.overdue).length,
    },
    fixed: comparison.fixed.map((fixed) => {
      const firstSeen = input.previous?.openSince?.[fixed.fingerprint];
      return firstSeen ? { ...fixed, first_seen: firstSeen } : fixed;
    }),
    attestations,
    trend: input.trend ?? [
      { id: input.currentId ?? 'this scan', started_at: current.scan.started_at, summary: current.summary },
    ],
    remediation_deadlines: input.remediationDeadlines,
  };
}

function auditFinding(
  finding: Finding,
  input: AuditInput,
  changeOf: Map<string, AuditFinding['change']>,
  now: Date,
): AuditFinding {
  const key = fingerprintOf(finding);
  const change = isOpen(finding.status) ? changeOf.get(key) : undefined;
  const firstSeen = input.openSince?.[key] ?? input.current.scan.started_at;
  return {
    fingerprint: key,
    rule_id: finding.rule_id,
    title: finding.title,
    severity: finding.severity,
    status: finding.status,
    clauses: finding.clauses,
    ...(finding.frameworks ? { frameworks: finding.frameworks } : {}),
    message: finding.message,
    remediation: finding.remediation,
    resource: finding.resource,
    ...(finding.property ? { property: finding.property } : {}),
    ...placeOf(finding),
    ...(finding.waiver
      ? {
          waiver: {
            ...finding.waiver,
            expired: new Date(finding.waiver.expires).getTime() < now.getTime(),
          },
        }
      : {}),
    ...(finding.scenario ? { scenario: finding.scenario } : {}),
    ...(change
      ? { change, ...deadlineStatus(firstSeen, finding.severity, input.remediationDeadlines, now) }
      : {}),
  };
}

/** Overdue first, then open before closed, then by status, severity, rule and resource. */
function byUrgency(a: AuditFinding, b: AuditFinding): number {
  return (
    Number(b.overdue ?? false) - Number(a.overdue ?? false) ||
    STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.rule_id, b.rule_id) ||
    compareText(a.resource.id, b.resource.id)
  );
}
