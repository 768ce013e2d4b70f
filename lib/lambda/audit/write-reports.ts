import type { AuditReport } from '../../../scanner/audit/audit-report';
import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import { reporterFor } from '../../../scanner/reporters/registry';
import type { ReportsBucket } from './reports-bucket';
import { runKeys } from './run-layout';

/** The audit formats a scheduled scan writes, through the same reporters `lexguard report` uses. */
const REPORT_FILES = [
  { format: 'html', file: 'report.html', contentType: 'text/html; charset=utf-8' },
  { format: 'audit-json', file: 'report.json', contentType: 'application/json' },
  { format: 'csv', file: 'report.csv', contentType: 'text/csv; charset=utf-8' },
] as const;

/** Renders the audit in every format into `reports/<run>/`; returns where each landed (`s3://…`). */
export async function writeReports(
  bucket: ReportsBucket,
  runId: string,
  report: ScanReport,
  audit: AuditReport,
): Promise<string[]> {
  const written: string[] = [];
  for (const { format, file, contentType } of REPORT_FILES) {
    const body = reporterFor(format).render(report, {
      color: false,
      showPassed: true,
      gate: DEFAULT_GATE,
      audit,
    });
    const key = runKeys.report(runId, file);
    await bucket.put(key, body, contentType);
    written.push(`s3://${bucket.name}/${key}`);
  }
  return written;
}
