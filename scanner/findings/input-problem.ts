import { describeThrown, LexguardError } from '../errors';
import type { InputProblem } from './scan-report';

/** An input that could not be scanned, from what reading it threw: its message and position. */
export function problemOf(thrown: unknown, file: string): InputProblem {
  if (thrown instanceof LexguardError) {
    return {
      code: thrown.code,
      message: thrown.message,
      file: thrown.position?.file ?? file,
      ...(thrown.position?.line !== undefined ? { line: thrown.position.line } : {}),
      ...(thrown.position?.column !== undefined ? { column: thrown.position.column } : {}),
    };
  }
  return { code: 'INTERNAL', message: describeThrown(thrown), file };
}
