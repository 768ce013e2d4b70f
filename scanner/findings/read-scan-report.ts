import { closestPosition } from '../config/read-yaml-file';
import { LexguardError } from '../errors';
import { readTextFile } from '../sources/read-text-file';
import { jsonPositionIndex, jsonSyntaxError } from '../sources/template/parse-template';
import { checkAgainstSchema } from '../util/schema-validation';
import { fromJsonReport, JSON_REPORT_SCHEMA_VERSION, type JsonReport } from './json-report';
import { SCAN_REPORT_SCHEMA_VERSION, type ScanReport } from './scan-report';

/** The layouts a JSON report may have, by `schema_version`, with their published schemas. */
const READABLE_LAYOUTS = {
  [JSON_REPORT_SCHEMA_VERSION]: `docs/schema/scan-report-${JSON_REPORT_SCHEMA_VERSION}.json`,
  [SCAN_REPORT_SCHEMA_VERSION]: `docs/schema/scan-report-${SCAN_REPORT_SCHEMA_VERSION}.json`,
} as const;

/**
 * Reads a scan report written by `lexguard scan … --format json`, refusing anything else with the file,
 * line and column at fault: bad JSON, or a document that is not a lexguard scan report of a layout this
 * version reads (2.0, and 1.0 from earlier versions).
 */
export function readScanReportFile(file: string): ScanReport {
  return parseScanReport(readTextFile(file), file);
}

/** `readScanReportFile` for text already read; `file` names it in errors. */
export function parseScanReport(text: string, file: string): ScanReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw jsonSyntaxError(file, text);
  }
  const layout = layoutOf(value);
  if (layout === undefined) {
    const known = Object.keys(READABLE_LAYOUTS).join(' or ');
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a lexguard scan report: schema_version must be ${known}`,
      { position: { file, ...closestPosition(jsonPositionIndex(text), ['schema_version']) } },
    );
  }
  const problem = checkAgainstSchema(value, READABLE_LAYOUTS[layout], 'scan report');
  if (problem) {
    throw new LexguardError('INPUT_MALFORMED', `not a lexguard scan report: ${problem.message}`, {
      position: { file, ...closestPosition(jsonPositionIndex(text), problem.path) },
    });
  }
  if (layout === SCAN_REPORT_SCHEMA_VERSION) return value as ScanReport;
  const document = value as JsonReport;
  const unlisted = document.findings.findIndex((finding) => !Object.hasOwn(document.rules, finding.rule_id));
  if (unlisted >= 0) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a lexguard scan report: findings[${unlisted}] is of rule ${document.findings[unlisted].rule_id}, which rules does not list`,
      { position: { file, ...closestPosition(jsonPositionIndex(text), ['findings', unlisted, 'rule_id']) } },
    );
  }
  return fromJsonReport(document);
}

function layoutOf(value: unknown): keyof typeof READABLE_LAYOUTS | undefined {
  if (typeof value !== 'object' || value === null || !('schema_version' in value)) return undefined;
  const { schema_version: version } = value;
  return version === JSON_REPORT_SCHEMA_VERSION || version === SCAN_REPORT_SCHEMA_VERSION
    ? version
    : undefined;
}
