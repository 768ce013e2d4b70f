import type { Node } from 'constructs';
import { LexguardError } from '../../scanner/errors';
import type { AuditConfig } from './audit-config';
import type { AuditContext } from './audit-context';
import { checkContext } from './check-context';
import type { StoreConfig } from './store-config';

/** The `cdk.json` context key holding the scheduled audit scan's configuration. */
export const AUDIT_CONTEXT_KEY = 'auditScanner';

/** Every night at 02:00 UTC. */
const DEFAULT_SCHEDULE = 'cron(0 2 * * ? *)';
const DEFAULT_ROLE_NAME = 'lexguard-scanner';
const DEFAULT_CONCURRENT_ACCOUNTS = 10;
/**
 * Functions the collect step may run at once: its reserved concurrency. Lambda keeps at least 100 of an
 * account's concurrency (1,000 by default) unreserved, so more cannot be reserved without a raised quota.
 */
const MAX_RESERVED_COLLECTORS = 900;

/**
 * Reads the scheduled audit scan's configuration from the app's context (every key optional) and checks
 * it before any construct is built, completing it from the document store's configuration. A bad value
 * throws a `CONFIG_INVALID` LexguardError naming the key, e.g. `context auditScanner.region eu-west-2 is
 * not one of approvedRegions (eu-west-1, eu-central-1)`.
 */
export function readAuditConfig(node: Node, store: StoreConfig): AuditConfig {
  const raw: unknown = node.tryGetContext(AUDIT_CONTEXT_KEY) ?? {};
  checkContext(raw, AUDIT_CONTEXT_KEY, 'lib/config/audit-context.schema.json', 'audit scanner configuration');
  const context = raw as AuditContext;
  const account = context.account ?? store.account;
  const region = context.region ?? store.primaryRegion;
  if (!store.approvedRegions.includes(region)) {
    invalid(
      `region ${region} is not one of the store's approvedRegions (${store.approvedRegions.join(', ')})`,
    );
  }
  if (context.organization && context.accounts) {
    invalid('accounts and organization exclude each other: the organization lists its accounts at each run');
  }
  if (context.stackSet && !context.organization) {
    invalid('stackSet needs organization: a service-managed StackSet deploys to organizational units');
  }
  const regions = context.regions ?? store.approvedRegions;
  const maxConcurrentAccounts = context.maxConcurrentAccounts ?? DEFAULT_CONCURRENT_ACCOUNTS;
  if (maxConcurrentAccounts * regions.length > MAX_RESERVED_COLLECTORS) {
    invalid(
      `maxConcurrentAccounts × regions (${maxConcurrentAccounts} × ${regions.length}) must be at most ${MAX_RESERVED_COLLECTORS}: the collect function reserves that much Lambda concurrency`,
    );
  }
  const accounts = context.accounts ?? [store.account];
  return {
    account,
    region,
    schedule: context.schedule ?? DEFAULT_SCHEDULE,
    scheduleTimeZone: context.scheduleTimeZone ?? 'UTC',
    targets: context.organization ? { organization: true } : { accounts },
    regions,
    maxConcurrentAccounts,
    scannerRoleName: context.scannerRoleName ?? DEFAULT_ROLE_NAME,
    notifyEmail: context.notifyEmail ?? store.alertEmail,
    scannerRoleStacks: context.scannerRoleStacks ?? (context.organization ? [account] : accounts),
    ...(context.stackSet
      ? {
          stackSet: {
            organizationalUnitIds: context.stackSet.organizationalUnitIds,
            callAs: context.stackSet.callAs ?? 'SELF',
          },
        }
      : {}),
  };
}

function invalid(message: string): never {
  throw new LexguardError('CONFIG_INVALID', `context ${AUDIT_CONTEXT_KEY}.${message}`);
}
