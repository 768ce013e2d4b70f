import path from 'node:path';
import type { handler as collectRegion } from '../../lib/lambda/audit/collect-region';
import type { handler as finalise } from '../../lib/lambda/audit/finalise';
import type { handler as judgeAccount } from '../../lib/lambda/audit/judge-account';
import type { handler as listTargets } from '../../lib/lambda/audit/list-targets';
import { freshLambdaBundle, type AuditHandlerName } from '../../lib/lambda/lambda-bundle';

interface AuditHandlers {
  'list-targets': typeof listTargets;
  'collect-region': typeof collectRegion;
  'judge-account': typeof judgeAccount;
  finalise: typeof finalise;
}

/**
 * The audit handlers as they are deployed: the bundled files of dist/lambda/audit (refused when stale),
 * with the policy bundle, the configuration schema and Chart.js they read beside them, not the TypeScript
 * sources. Their types are the sources'.
 */
export function bundledHandler<N extends AuditHandlerName>(name: N): AuditHandlers[N] {
  const file = path.join(freshLambdaBundle(), `${name}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a built file, loaded as Lambda loads it
  return (require(file) as { handler: AuditHandlers[N] }).handler;
}
