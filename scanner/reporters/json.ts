import type { ScanReport } from '../findings/scan-report';
import type { Reporter } from './reporter';

/** The scan report as JSON: lexguard's stable, versioned machine-readable output (`schema_version`). */
export const jsonReporter: Reporter = {
  name: 'json',
  description: 'the full scan report as JSON (versioned by schema_version)',
  render: (report) => [...jsonChunks(report)].join(''),
  renderChunks: jsonChunks,
};

/** Where `JSON.stringify(…, null, 2)` writes the top-level `findings` key when the list is empty. */
const EMPTY_FINDINGS = '\n  "findings": [],\n';
/** What a finding's lines are indented by inside the top-level list. */
const ITEM_INDENT = '\n    ';

/**
 * `JSON.stringify(report, null, 2)`, byte for byte, in pieces: the report around its findings, then one
 * finding at a time. The report of a 10,000-resource template is 61 MB of JSON; as one string, and once
 * more as the UTF-8 bytes written, it raised the scan's peak memory by about 120 MB.
 */
function* jsonChunks(report: ScanReport): Generator<string> {
  const outline = JSON.stringify({ ...report, findings: [] }, null, 2);
  // Top-level keys are the only ones indented by exactly two spaces, and no string holds a raw newline.
  const at = outline.indexOf(EMPTY_FINDINGS);
  if (at < 0 || report.findings.length === 0) {
    yield `${outline}\n`;
    return;
  }
  yield `${outline.slice(0, at)}\n  "findings": [`;
  let separator = ITEM_INDENT;
  for (const finding of report.findings) {
    yield separator + JSON.stringify(finding, null, 2).replaceAll('\n', ITEM_INDENT);
    separator = `,${ITEM_INDENT}`;
  }
  yield `\n  ],\n${outline.slice(at + EMPTY_FINDINGS.length)}\n`;
}
