import type AjvClass from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root';

/** A path of keys and indexes into a document, e.g. `['suppressions', 0, 'reason']`. */
export type DocumentPath = Array<string | number>;

/** The first problem a schema found: in words, and where in the document. */
export interface SchemaProblem {
  message: string;
  path: DocumentPath;
}

const compiled = new Map<string, ValidateFunction>();

/** Validates `value` against one of lexguard's generated schemas (path relative to the project root). */
export function checkAgainstSchema(
  value: unknown,
  schemaFile: string,
  subject: string,
): SchemaProblem | undefined {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(path.join(projectRoot(), schemaFile), 'utf8')) as object;
    // Loaded on first use, not at start-up: ajv takes about 60 ms to load, and a template scan without
    // a configuration file or suppressions never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as { default: typeof AjvClass };
    validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
    compiled.set(schemaFile, validate);
  }
  if (validate(value)) return undefined;
  const error = (validate.errors ?? [])[0];
  return error ? problemOf(error, subject) : { message: `${subject} is invalid`, path: [] };
}

/** `suppressions[1].reason must match pattern …` rather than ajv's `/suppressions/1/reason`. */
function problemOf(error: ErrorObject, subject: string): SchemaProblem {
  const at: DocumentPath = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  const key = keyPath(at);
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { message: `${key ? `${key}.` : ''}${extra} is not a ${subject} key`, path: [...at, extra] };
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { message: `${key ? `${key}.` : ''}${missing} is required`, path: at };
  }
  return { message: `${key || `the ${subject}`} ${error.message ?? 'is invalid'}`, path: at };
}

export function keyPath(at: DocumentPath): string {
  return at.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}
