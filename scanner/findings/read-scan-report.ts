import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../errors';
import { readTextFile } from '../sources/read-text-file';
import { jsonSyntaxError } from '../sources/template/parse-template';
import { JsonPositionIndex } from '../sources/template/positions';
import { projectRoot } from '../util/project-root';
import { describeSchemaError, schemaErrorPath } from '../util/schema-error';
import type { ScanReport } from './scan-report';

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (validator) return validator;
  const schemaFile = path.join(projectRoot(), 'scanner', 'findings', 'scan-report.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
  return validator;
}

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
  const check = validate();
  if (!check(value)) {
    const error = (check.errors ?? [])[0];
    const position = error ? new JsonPositionIndex(text).locate(schemaErrorPath(error)) : undefined;
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a lexguard scan report: ${describeSchemaError(error, { whole: 'the report', key: 'a scan report key' })}`,
      { position: { file, ...(position ?? { line: 1, column: 1 }) } },
    );
  }
  return value as ScanReport;
}
