import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSON_REPORT_SCHEMA_VERSION } from '../../scanner/findings/json-report';
import { fixture, ROOT } from './paths';

export type Validator = ReturnType<Ajv['compile']>;

/** The published schema of lexguard's JSON report (`--format json`), for its current `schema_version`. */
export function reportSchemaValidator(): Validator {
  const file = path.join(ROOT, 'docs', 'schema', `scan-report-${JSON_REPORT_SCHEMA_VERSION}.json`);
  return new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(file, 'utf8')) as object,
  );
}

/** The official SARIF 2.1.0 schema (draft-04, vendored: see test/_fixtures/sarif/README.md), with its formats checked. */
export function sarifSchemaValidator(): Validator {
  const schema = JSON.parse(readFileSync(fixture('sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // The schema's language-tag pattern is not valid in Unicode mode: compile patterns as its authors did.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
