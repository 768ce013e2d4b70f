import type { AuditReport } from '../audit/audit-report';
import type { GatePolicy } from '../findings/exit-code';
import type { ScanReport } from '../findings/scan-report';

export interface ReporterOptions {
  /** Colour for terminals; off in files and when NO_COLOR is set. */
  color: boolean;
  /** List PASS and NOT_APPLICABLE findings one by one, not only count them. */
  showPassed: boolean;
  gate: GatePolicy;
  /**
   * The audit of the scan (history, diff, deadlines), given by `lexguard report`. Audit formats build a
   * stand-alone one (no history, default deadlines) when it is absent.
   */
  audit?: AuditReport;
}

/** Renders a scan report in one format. One reporter per file, all registered in `registry.ts`. */
export interface Reporter {
  name: string;
  description: string;
  render(report: ScanReport, options: ReporterOptions): string;
  /**
   * The same text in pieces, for formats whose reports are too large to hold twice (as a string and as
   * the bytes written); used when the report goes to a file.
   */
  renderChunks?(report: ScanReport, options: ReporterOptions): Iterable<string>;
}
