import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';

const compiled = new Map<string, ValidateFunction>();

/** A validator for the JSON Schema in `schemaFile`, compiled once per file. */
export function schemaValidator(schemaFile: string): ValidateFunction {
  const cached = compiled.get(schemaFile);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  const validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
  compiled.set(schemaFile, validate);
  return validate;
}

/**
 * The key a schema error is about, as a user writes it (`approved_regions[1]`), with the offending
 * property name last for "not a key" errors.
 */
export function schemaErrorPath(error: ErrorObject): Array<string | number> {
  const parts: Array<string | number> = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (error.keyword === 'additionalProperties')
    parts.push((error.params as { additionalProperty: string }).additionalProperty);
  return parts;
}

/** `approved_regions[1] must match pattern …` rather than ajv's `/approved_regions/1`; `prefix` names the root. */
export function describeSchemaError(error: ErrorObject | undefined, prefix = ''): string {
  if (!error) return `${prefix || 'the configuration'} is invalid`;
  const path = schemaErrorPath(error);
  if (error.keyword === 'additionalProperties') {
    const key = keyPath([prefix, ...path.slice(0, -1)]);
    return `${key ? `${key}.` : ''}${String(path[path.length - 1])} is not a configuration key`;
  }
  return `${keyPath([prefix, ...path]) || 'the configuration'} ${error.message ?? 'is invalid'}`;
}

function keyPath(parts: Array<string | number>): string {
  return parts.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : part === '' ? text : text ? `${text}.${part}` : part,
    '',
  );
}
