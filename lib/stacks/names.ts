import { ArnFormat, type Stack } from 'aws-cdk-lib';
import type { StoreConfig } from '../config/store-config';

/**
 * The physical names the stacks share. Stacks in different regions cannot pass references to one
 * another, so the names they agree on are derived here from the configuration, once.
 */
export function storeNames(config: StoreConfig) {
  const id = config.firmId;
  return {
    rolePath: `/${id}/`,
    backupRoleName: `${id}-backup`,
    accountSettingsFunction: `${id}-account-settings`,
    trailName: `${id}-audit`,
    vaultName: `${id}-documents`,
    offsiteVaultName: `${id}-documents-offsite`,
    planName: `${id}-documents`,
    metricNamespace: `lexguard/${id}`,
  };
}

/** The ARN of an IAM role in the stack's account, by name and path. */
export function roleArn(stack: Stack, path: string, roleName: string): string {
  return stack.formatArn({
    service: 'iam',
    region: '',
    resource: 'role',
    resourceName: `${path.replace(/^\//, '')}${roleName}`,
  });
}

/** The ARN of a backup vault in another region of the stack's account. */
export function vaultArn(stack: Stack, region: string, vaultName: string): string {
  return stack.formatArn({
    service: 'backup',
    region,
    resource: 'backup-vault',
    resourceName: vaultName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/**
 * The names the audit stack and the scanner role stacks share: a role in every scanned account trusts
 * the audit account's collect function role by its ARN, so that role has a name fixed in advance.
 */
export function auditNames(config: StoreConfig) {
  const id = config.firmId;
  return {
    collectorRoleName: `${id}-audit-collector`,
    keyAliasPrefix: `${id}/audit-scanner`,
    logGroupPrefix: `/lexguard/${id}/audit-scanner`,
    stackSetName: `${id}-lexguard-scanner-role`,
  };
}
