import type { IConstruct } from 'constructs';
import { LexguardError } from '../../scanner/errors';

/**
 * Refuses a combination of props that cannot be secure, while the app is being built: the message names
 * the construct by its path, and `bin/document-store.ts` prints it as one line, without a stack trace.
 */
export function rejectProps(scope: IConstruct, message: string): never {
  throw new LexguardError('CONFIG_INVALID', `${scope.node.path}: ${message}`);
}
