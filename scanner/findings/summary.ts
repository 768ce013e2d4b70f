import type { Finding } from './finding';
import { SEVERITIES, type Severity } from './severity';
import { STATUSES, type Status } from './status';

export interface FindingSummary {
  total: number;
  by_status: Record<Status, number>;
  /** Failed (FAIL or ERROR) findings by severity. */
  failed_by_severity: Record<Severity, number>;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failed = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    byStatus[finding.status]++;
    if (finding.status === 'FAIL' || finding.status === 'ERROR') failed[finding.severity]++;
  }
  return { total: findings.length, by_status: byStatus, failed_by_severity: failed };
}
