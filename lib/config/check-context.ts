import { LexguardError } from '../../scanner/errors';
import { checkAgainstSchema } from '../../scanner/util/schema-validation';
import type { ValidatedSchema } from '../../scanner/util/validated-schemas';

/**
 * Checks one `cdk.json` context value against its generated JSON Schema and throws a `CONFIG_INVALID`
 * LexguardError whose message names the key from the context's root (`context documentStore.retention
 * .documentsDays must be >= 1`), or speaks of the value as a whole (`context auditScanner: the audit
 * scanner configuration must be object`).
 */
export function checkContext(raw: unknown, key: string, schemaFile: ValidatedSchema, what: string): void {
  const problem = checkAgainstSchema(raw, schemaFile, what);
  if (!problem) return;
  const root = problem.path.length === 0 && problem.message.startsWith('the ');
  throw new LexguardError('CONFIG_INVALID', `context ${key}${root ? ': ' : '.'}${problem.message}`);
}
