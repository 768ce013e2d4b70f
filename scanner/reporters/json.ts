import { jsonReportOutline, reportedFinding } from '../findings/json-report';
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
/** Around the findings of `JSON.stringify({ findings }, null, 2)`, indented as in the whole report. */
const SLICE_HEAD = '{\n  "findings": [\n';
const SLICE_TAIL = '\n  ]\n}';
/**
 * Findings stringified at once: about 50 KB of JSON. V8 allocates a string over 128 KB outside its young
 * generation, where it stays until the next full collection: slices of 1,000 findings (half a megabyte)
 * raised the peak memory of a 10,000-resource scan by some 25 MB while its report was written.
 */
const SLICE = 100;

/**
 * `JSON.stringify(toJsonReport(report), null, 2)` (`findings/json-report.ts`), byte for byte, in
 * pieces: the report around its findings, then its findings a thousand at a time, each slice
 * stringified inside `{ findings }` so that it is indented as in the whole report. The report of a
 * 10,000-resource template is 40 MB of JSON; as one string, and once more as the UTF-8 bytes written,
 * it would raise the scan's peak memory by about 80 MB.
 */
function* jsonChunks(report: ScanReport): Generator<string> {
  const document = jsonReportOutline(report);
  const outline = JSON.stringify(document, null, 2);
  // Top-level keys are the only ones indented by exactly two spaces, and no string holds a raw newline.
  const at = outline.indexOf(EMPTY_FINDINGS);
  if (at < 0 || report.findings.length === 0) {
    yield `${outline}\n`;
    return;
  }
  let separator = `${outline.slice(0, at)}\n  "findings": [\n`;
  for (let start = 0; start < report.findings.length; start += SLICE) {
    const findings = report.findings
      .slice(start, start + SLICE)
      .map((finding) => reportedFinding(finding, document.rules[finding.rule_id]));
    const slice = JSON.stringify({ findings }, null, 2);
    yield separator + slice.slice(SLICE_HEAD.length, slice.length - SLICE_TAIL.length);
    separator = ',\n';
  }
  yield `\n  ],\n${outline.slice(at + EMPTY_FINDINGS.length)}\n`;
}
