import type { Node } from 'constructs';
import { DEFAULT_RULE_CONFIG } from '../../scanner/config/defaults';
import { LexguardError } from '../../scanner/errors';
import { checkContext } from './check-context';
import type { StoreConfig } from './store-config';
import { CLASSIFICATIONS, mostSensitive } from './classifications';
import type { StoreContext } from './store-context';

/** The `cdk.json` context key holding the document store's configuration. */
export const STORE_CONTEXT_KEY = 'documentStore';

/** Recovery points kept by default: five weeks of dailies, three months of weeklies, monthlies for the document retention. */
const DEFAULT_BACKUP_RETENTION = { dailyDays: 35, weeklyDays: 91 };
const DEFAULT_SESSION_HOURS = 1;

/**
 * Reads the document store's configuration from the app's context and validates it before any construct is
 * built: a bad value throws a `CONFIG_INVALID` LexguardError naming the key, e.g.
 * `context documentStore.retention.documentsDays must be >= 1`.
 */
export function readStoreConfig(node: Node): StoreConfig {
  const raw: unknown = node.tryGetContext(STORE_CONTEXT_KEY);
  if (raw === undefined) {
    throw new LexguardError(
      'CONFIG_INVALID',
      `the context has no ${STORE_CONTEXT_KEY} key: add the document store's configuration to cdk.json (see README.md)`,
    );
  }
  checkContext(
    raw,
    STORE_CONTEXT_KEY,
    'lib/config/store-context.schema.json',
    'document store configuration',
  );
  return withDefaults(raw as StoreContext);
}

function withDefaults(context: StoreContext): StoreConfig {
  const policy = DEFAULT_RULE_CONFIG;
  const approvedRegions = context.approvedRegions ?? policy.approved_regions;
  const primaryRegion = context.primaryRegion ?? approvedRegions[0];
  const secondaryRegion =
    context.secondaryRegion ?? approvedRegions.find((region) => region !== primaryRegion) ?? primaryRegion;
  for (const [key, region] of [
    ['primaryRegion', primaryRegion],
    ['secondaryRegion', secondaryRegion],
  ] as const) {
    if (!approvedRegions.includes(region)) {
      invalid(`${key} ${region} is not one of approvedRegions (${approvedRegions.join(', ')})`);
    }
  }
  if (secondaryRegion === primaryRegion) {
    invalid(`secondaryRegion must differ from primaryRegion (${primaryRegion}): backups are copied off-site`);
  }
  const documentsDays = context.retention?.documentsDays ?? policy.document_retention_days;
  const classifications = context.classifications ?? [...CLASSIFICATIONS];
  return {
    firmName: context.firmName,
    firmId: context.firmId,
    account: context.account,
    owner: context.owner,
    alertEmail: context.alertEmail,
    approvedRegions,
    primaryRegion,
    secondaryRegion,
    classifications,
    highestClassification: mostSensitive(classifications),
    sensitiveClassifications: policy.sensitive_classifications,
    classificationTag: policy.classification_tag,
    retention: {
      documentsDays,
      auditLogsDays: context.retention?.auditLogsDays ?? policy.audit_log_retention_days,
    },
    backupRetention: {
      dailyDays: context.backupRetention?.dailyDays ?? DEFAULT_BACKUP_RETENTION.dailyDays,
      weeklyDays: context.backupRetention?.weeklyDays ?? DEFAULT_BACKUP_RETENTION.weeklyDays,
      monthlyDays: context.backupRetention?.monthlyDays ?? documentsDays,
    },
    objectLockMode: context.objectLockMode ?? 'GOVERNANCE',
    ...(context.vaultLockChangeableForDays !== undefined
      ? { vaultLockChangeableForDays: context.vaultLockChangeableForDays }
      : {}),
    passwordPolicy: {
      minimumLength: context.passwordPolicy?.minimumLength ?? policy.password_policy.minimum_length,
      reusePrevention: policy.password_policy.reuse_prevention,
      maxAgeDays: context.passwordPolicy?.maxAgeDays ?? 0,
    },
    sessionHours: context.sessionHours ?? DEFAULT_SESSION_HOURS,
    breakGlassRoleName: policy.break_glass_roles[0] ?? 'BreakGlass',
  };
}

function invalid(message: string): never {
  throw new LexguardError('CONFIG_INVALID', `context ${STORE_CONTEXT_KEY}.${message}`);
}
