import { closestPosition } from '../config/read-yaml-file';
import { LexguardError } from '../errors';
import { readTextFile } from '../sources/read-text-file';
import { jsonPositionIndex, jsonSyntaxError } from '../sources/template/parse-template';
import { checkAgainstSchema } from '../util/schema-validation';
import { SCAN_REPORT_SCHEMA_VERSION, type ScanReport } from './scan-report';

/** The published schema of the JSON report (generated from `ScanReport`). */
const SCAN_REPORT_SCHEMA_FILE = `docs/schema/scan-report-${SCAN_REPORT_SCHEMA_VERSION}.json`;

/**
 * Reads a scan report written by `lexguard scan … --format json`, refusing anything else with the file,
 * line and column at fault: bad JSON, or a document that is not a lexguard scan report of this version.
 */
export function readScanReportFile(file: string): ScanReport {
  const text = readTextFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw jsonSyntaxError(file, text);
  }
  const problem = checkAgainstSchema(value, SCAN_REPORT_SCHEMA_FILE, 'scan report');
  if (problem) {
    throw new LexguardError('INPUT_MALFORMED', `not a lexguard scan report: ${problem.message}`, {
      position: { file, ...closestPosition(jsonPositionIndex(text), problem.path) },
    });
  }
  return value as ScanReport;
}
