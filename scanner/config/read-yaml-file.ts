import { LineCounter, parseDocument } from 'yaml';
import { LexguardError } from '../errors';
import { readTextFile } from '../sources/read-text-file';
import { YamlPositionIndex, type PositionIndex } from '../sources/template/positions';
import { checkAgainstSchema } from '../util/schema-validation';

/** A YAML file read and validated, with a way back from a key path to its line. */
export interface ValidatedYaml<T> {
  value: T;
  positions: PositionIndex;
}

/**
 * Reads a YAML file a user writes (configuration, suppressions) and validates it against its generated
 * schema. Refuses it with CONFIG_INVALID naming the file, line and column of the first problem.
 */
export function readValidatedYaml<T>(file: string, schemaFile: string, subject: string): ValidatedYaml<T> {
  const text = readTextFile(file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new LexguardError('CONFIG_INVALID', `invalid YAML: ${syntax.message.split('\n')[0]}`, {
      position: { file, line, column: col },
    });
  }
  const positions = new YamlPositionIndex(document, lineCounter);
  const value: unknown = document.toJS() ?? {};
  const problem = checkAgainstSchema(value, schemaFile, subject);
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
  for (let length = at.length; length >= 0; length--) {
    const found = positions.locate(at.slice(0, length));
    if (found) return found;
  }
  return {};
}
