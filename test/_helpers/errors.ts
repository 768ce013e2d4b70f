import { LexguardError } from '../../scanner/errors';

/** Runs `run`, expecting it to throw a LexguardError, and returns that error. */
export function lexguardErrorOf(run: () => unknown): LexguardError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof LexguardError) return thrown;
    throw thrown;
  }
  throw new Error('expected a LexguardError, but nothing was thrown');
}
