import type { AuditReport } from '../audit/audit-report';
import { buildAuditReport } from '../audit/build-audit-report';
import { installedClauseCatalog } from '../audit/clause-catalog';
import { DEFAULT_REMEDIATION_DEADLINES } from '../config/defaults';
import type { ScanReport } from '../findings/scan-report';
import type { ReporterOptions } from './reporter';

/**
 * The audit an audit format renders: the one `lexguard report` built from the history, or, for a scan
 * rendered on its own, a stand-alone audit in which every open finding is new and first seen now.
 */
export function auditOf(report: ScanReport, options: ReporterOptions): AuditReport {
  return (
    options.audit ??
    buildAuditReport({
      current: report,
      remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
      catalog: installedClauseCatalog(),
    })
  );
}
