import { constructFromEvents, parseEvents, YAMLException, type Event } from 'js-yaml';
import { LexguardError } from '../errors';
import { readTextFile } from '../sources/read-text-file';
import { EventPositionIndex, LineTable, type PositionIndex } from '../sources/template/positions';
import { checkAgainstSchema } from '../util/schema-validation';
import type { ValidatedSchema } from '../util/validated-schemas';
import type { ValidateFunction } from 'ajv';

/** A YAML file read and validated, with a way back from a key path to its line. */
export interface ValidatedYaml<T> {
  value: T;
  positions: PositionIndex;
}

/**
 * Reads a YAML file a user writes (configuration, suppressions) and validates it against its generated
 * schema. Refuses it with CONFIG_INVALID naming the file, line and column of the first problem.
 */
export function readValidatedYaml<T>(
  file: string,
  schema: ValidatedSchema | ValidateFunction,
  subject: string,
): ValidatedYaml<T> {
  const text = readTextFile(file);
  let events: Event[];
  let documents: unknown[];
  try {
    // The parser templates are read with: its events give the values and, kept, the positions.
    events = parseEvents(text, {});
    documents = constructFromEvents(events, { source: text });
  } catch (thrown) {
    const mark = thrown instanceof YAMLException ? thrown.mark : undefined;
    const reason = thrown instanceof YAMLException ? thrown.reason : String(thrown);
    throw new LexguardError('CONFIG_INVALID', `invalid YAML: ${reason}`, {
      position: { file, ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}) },
    });
  }
  let lines: LineTable | undefined;
  const positions = new EventPositionIndex(
    text,
    () => (lines ??= new LineTable(text)),
    () => ({ events, root: 1 }),
  );
  const value: unknown = documents[0] ?? {};
  const problem = checkAgainstSchema(value, schema, subject);
  if (problem) throw invalidAt(file, positions, problem.path, problem.message);
  return { value: value as T, positions };
}

/** A CONFIG_INVALID error at the closest position to `at` the file can give. */
export function invalidAt(
  file: string,
  positions: PositionIndex,
  at: ReadonlyArray<string | number>,
  message: string,
): LexguardError {
  return new LexguardError('CONFIG_INVALID', message, {
    position: { file, ...closestPosition(positions, at) },
  });
}

/** The position of `at`, or of its nearest parent that exists (a missing key is reported at its mapping). */
export function closestPosition(
  positions: PositionIndex,
  at: ReadonlyArray<string | number>,
): { line: number; column: number } | Record<string, never> {
  return positions.nearest(at) ?? {};
}
