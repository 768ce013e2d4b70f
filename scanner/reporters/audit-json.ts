import { auditOf } from './audit-of';
import type { Reporter } from './reporter';

/** The audit report as JSON: clause, framework and severity status, diff, deadlines and every finding. */
export const auditJsonReporter: Reporter = {
  name: 'audit-json',
  description: 'audit report as JSON: compliance per clause and framework, changes, deadlines, findings',
  render: (report, options) => `${JSON.stringify(auditOf(report, options), null, 2)}\n`,
};
