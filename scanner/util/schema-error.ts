import type { ErrorObject } from 'ajv';

/**
 * The path of keys and indexes a JSON Schema error points at, including the offending extra key for
 * `additionalProperties`: `['approved_regions', 1]`.
 */
export function schemaErrorPath(error: ErrorObject): Array<string | number> {
  const parts: Array<string | number> = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (error.keyword === 'additionalProperties')
    parts.push((error.params as { additionalProperty: string }).additionalProperty);
  return parts;
}

/** How a document names itself in messages: `the configuration`, `a configuration key`. */
export interface DocumentNames {
  whole: string;
  key: string;
}

/** `approved_regions[1] must match pattern …` rather than ajv's `/approved_regions/1`. */
export function describeSchemaError(error: ErrorObject | undefined, names: DocumentNames): string {
  if (!error) return `${names.whole} is invalid`;
  const key = keyPath(error.instancePath.split('/').slice(1));
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${key ? `${key}.` : ''}${extra} is not ${names.key}`;
  }
  return `${key || names.whole} ${error.message ?? 'is invalid'}`;
}

function keyPath(segments: string[]): string {
  return segments.reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}
