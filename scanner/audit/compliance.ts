import type { Attestation } from '../model/model';
import { SEVERITIES, type Severity } from '../findings/severity';
import { STATUSES, type Status } from '../findings/status';
import type {
  AttestationRow,
  AuditFinding,
  ClauseStatus,
  ClauseVerdict,
  FrameworkSection,
  ResourceStatus,
} from './audit-report';
import type { ClauseCatalog } from './clause-catalog';
import { compareText } from '../util/compare-text';
import { tally, worstStatus, type StatusTally } from './tally';

/** Status per policy clause: the worst verdict of its rules' findings, or MANUAL when only attested. */
export function clauseStatuses(
  findings: readonly AuditFinding[],
  catalog: ClauseCatalog,
  attestations: readonly AttestationRow[],
): ClauseStatus[] {
  return catalog.clauses.map(({ id, title }) => {
    const mine = findings.filter((finding) => finding.clauses.includes(id));
    const attested = attestations.filter((row) => row.clause === id).map((row) => row.id);
    const counts = tally(mine.map((finding) => finding.status));
    return {
      id,
      ...(title ? { title } : {}),
      verdict: verdictOf(counts, attested.length > 0),
      tally: counts,
      rules: [...new Set(mine.map((finding) => finding.rule_id))].sort(),
      attestations: attested,
    };
  });
}

function verdictOf(counts: StatusTally, attested: boolean): ClauseVerdict {
  const c = counts.counts;
  if (c.FAIL + c.ERROR > 0) return 'FAIL';
  if (c.UNKNOWN > 0) return 'UNKNOWN';
  if (c.WAIVED > 0) return 'WAIVED';
  if (c.PASS > 0) return 'PASS';
  return attested ? 'MANUAL' : 'NOT_ASSESSED';
}

/** Status per framework and control, from the framework mappings the findings carry. */
export function frameworkSection(findings: readonly AuditFinding[]): FrameworkSection {
  const byFramework = new Map<string, Map<string, AuditFinding[]>>();
  for (const finding of findings) {
    for (const [framework, controls] of Object.entries(finding.frameworks ?? {})) {
      const byControl = byFramework.get(framework) ?? new Map<string, AuditFinding[]>();
      byFramework.set(framework, byControl);
      for (const control of controls) {
        const mine = byControl.get(control);
        if (mine) mine.push(finding);
        else byControl.set(control, [finding]);
      }
    }
  }
  if (byFramework.size === 0) {
    return {
      available: false,
      note: 'no framework mappings: the rules of this scan carry none, so per-framework status cannot be given',
      frameworks: [],
    };
  }
  return {
    available: true,
    frameworks: [...byFramework.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([framework, byControl]) => {
        const all = new Set([...byControl.values()].flat());
        return {
          framework,
          tally: tally([...all].map((finding) => finding.status)),
          controls: [...byControl.entries()]
            .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
            .map(([control, mine]) => ({
              control,
              tally: tally(mine.map((finding) => finding.status)),
              rules: [...new Set(mine.map((finding) => finding.rule_id))].sort(),
            })),
        };
      }),
  };
}

export function severityRows(
  findings: readonly AuditFinding[],
  deadlines: Record<Severity, number>,
): Array<{ severity: Severity; deadline_days: number; tally: StatusTally }> {
  return SEVERITIES.map((severity) => ({
    severity,
    deadline_days: deadlines[severity],
    tally: tally(
      findings.filter((finding) => finding.severity === severity).map((finding) => finding.status),
    ),
  }));
}

export function scopeRows(
  findings: readonly AuditFinding[],
): Array<{ scope: string; account?: string; region?: string; tally: StatusTally }> {
  const groups = groupBy(findings, (finding) => finding.scope);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([scope, mine]) => ({
      scope,
      ...(mine[0].account ? { account: mine[0].account } : {}),
      ...(mine[0].region ? { region: mine[0].region } : {}),
      tally: tally(mine.map((finding) => finding.status)),
    }));
}

/** Per resource, most urgent first; findings about the scan as a whole (`*`) are not a resource. */
export function resourceRows(findings: readonly AuditFinding[]): ResourceStatus[] {
  const groups = groupBy(
    findings.filter((finding) => finding.resource.id !== '*'),
    (finding) => finding.resource.id,
  );
  const rows = [...groups.entries()].map(([id, mine]) => {
    const statuses: Status[] = mine.map((finding) => finding.status);
    return {
      id,
      kind: mine[0].resource.kind,
      scope: mine[0].scope,
      worst: worstStatus(statuses),
      tally: tally(statuses),
    };
  });
  return rows.sort(
    (a, b) => STATUSES.indexOf(a.worst) - STATUSES.indexOf(b.worst) || compareText(a.id, b.id),
  );
}

export function attestationRows(
  attestations: Record<string, Attestation> | undefined,
  now: Date,
): AttestationRow[] {
  return Object.entries(attestations ?? {})
    .map(([id, attestation]) => ({
      id,
      clause: id.split('.')[0],
      owner: attestation.owner,
      date: attestation.date,
      evidence: attestation.evidence,
      expires: attestation.expires,
      lapsed: new Date(attestation.expires).getTime() < now.getTime(),
    }))
    .sort((a, b) => compareText(a.id, b.id));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
