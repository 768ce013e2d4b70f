import { RESOURCE_COLLECTIONS } from '../model/collections';
import type { Model } from '../model/model';

const COLLECTIONS: ReadonlySet<string> = new Set(RESOURCE_COLLECTIONS);

/**
 * Where things were read is evidence for reports, read from the model in JavaScript by `buildFindings`:
 * leaves' `at` and resources' `source`. Rules never read them (a test checks; the input schema leaves them
 * out too, see `scripts/lib/rule-input-schema.ts`), and leaving them out makes the input about 40%
 * smaller, which the Wasm parser and memory feel most on large templates: eight bytes of Wasm memory for
 * each byte of input.
 */
function withoutAt(key: string, value: unknown): unknown {
  return key === 'at' ? undefined : value;
}

/** `withoutAt`, and without the resource's own `source`. */
function judgedPartsOf(resource: unknown): (this: unknown, key: string, value: unknown) => unknown {
  return function (this: unknown, key: string, value: unknown): unknown {
    return key === 'at' || (key === 'source' && this === resource) ? undefined : value;
  };
}

/**
 * The model as the rules' input, as JSON text in pieces: a resource at a time, and each other top-level
 * field whole. Joined, the pieces are `JSON.stringify` of the model without leaves' `at` and resources'
 * `source`. Written piece by piece into the policy's memory (see `ParsedInput.fromPieces`), no string of
 * the whole input is made: on a 10,000-resource template that string is 10 MB, and twice that while
 * `JSON.stringify` builds it, garbage that stays until the next full collection, at the scan's peak.
 */
export function* inputPieces(model: Model): Generator<string> {
  let separator = '{';
  for (const [key, value] of Object.entries(model) as Array<[string, unknown]>) {
    const head = `${separator}${JSON.stringify(key)}:`;
    if (COLLECTIONS.has(key) && isRecord(value)) {
      yield* collectionPieces(head, value);
    } else {
      const json = JSON.stringify(value, withoutAt) as string | undefined;
      // `JSON.stringify` leaves out a field whose value has no JSON form (undefined, a function).
      if (json === undefined) continue;
      yield head + json;
    }
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}

function* collectionPieces(head: string, resources: Record<string, unknown>): Generator<string> {
  let separator = `${head}{`;
  for (const [id, resource] of Object.entries(resources)) {
    const json = JSON.stringify(resource, judgedPartsOf(resource)) as string | undefined;
    if (json === undefined) continue;
    yield `${separator}${JSON.stringify(id)}:${json}`;
    separator = ',';
  }
  yield separator === `${head}{` ? `${head}{}` : '}';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
