import type { ErrorObject, ValidateFunction } from 'ajv';
import type * as SchemaValidators from './schema-validators.generated';
import type { ValidatedSchema } from './validated-schemas';

/** A path of keys and indexes into a document, e.g. `['suppressions', 0, 'reason']`. */
export type DocumentPath = Array<string | number>;

/** The first problem a schema found: in words, and where in the document. */
export interface SchemaProblem {
  message: string;
  path: DocumentPath;
}

let validators: Record<ValidatedSchema, ValidateFunction> | undefined;

/**
 * The validate function of each schema, compiled by `npm run generate` (see `validated-schemas.ts`).
 * Loaded on first use: the module builds every schema as it loads, which a scan without a configuration,
 * suppressions or attestations file never needs.
 */
function validatorOf(schema: ValidatedSchema): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validators ??= (require('./schema-validators.generated') as typeof SchemaValidators).VALIDATORS as Record<
    ValidatedSchema,
    ValidateFunction
  >;
  return validators[schema];
}

/**
 * Validates `value` against one of lexguard's generated schemas (path relative to the project root), or
 * with a validate function compiled elsewhere (tests validate their own fixture files so).
 */
export function checkAgainstSchema(
  value: unknown,
  schema: ValidatedSchema | ValidateFunction,
  subject: string,
): SchemaProblem | undefined {
  const validate = typeof schema === 'string' ? validatorOf(schema) : schema;
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
