import type { Reporter } from './reporter';

/** The scan report as JSON: lexguard's stable, versioned machine-readable output (`schema_version`). */
export const jsonReporter: Reporter = {
  name: 'json',
  description: 'the full scan report as JSON (versioned by schema_version)',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
