import { auditOf } from './audit-of';
import { renderHtmlReport } from './html/render-html';
import type { Reporter } from './reporter';

/** The audit report as one self-contained HTML file with charts and a filterable findings table. */
export const htmlReporter: Reporter = {
  name: 'html',
  description: 'audit report: one self-contained HTML file with charts and a filterable findings table',
  render: (report, options) => renderHtmlReport(auditOf(report, options)),
};
