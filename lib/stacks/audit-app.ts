import type { App } from 'aws-cdk-lib';
import type { AuditConfig } from '../config/audit-config';
import type { StoreConfig } from '../config/store-config';
import { pascalCase } from '../constructs/pascal-case';
import { AuditStack } from './audit-stack';
import { auditNames } from './names';
import { ScannerRoleStack } from './scanner-role-stack';

export interface AuditScannerStacks {
  audit: AuditStack;
  /** One per account given the scanner role by this app, by account id. */
  scannerRoles: Record<string, ScannerRoleStack>;
}

/**
 * Adds the scheduled audit scan: its stack in the audit account, and a stack holding the read-only
 * scanner role for each account `scannerRoleStacks` names (the others get it from the StackSet).
 */
export function addAuditScanner(app: App, store: StoreConfig, audit: AuditConfig): AuditScannerStacks {
  const prefix = pascalCase(store.firmId);
  const tags = { application: 'lexguard-audit-scanner', owner: store.owner };
  const stack = new AuditStack(app, `${prefix}AuditScanner`, {
    env: { account: audit.account, region: audit.region },
    description: `${store.firmName}: lexguard's scheduled audit scan of every account (lexguard)`,
    tags,
    store,
    audit,
  });
  const scannerRoles: Record<string, ScannerRoleStack> = {};
  for (const account of audit.scannerRoleStacks) {
    scannerRoles[account] = new ScannerRoleStack(app, `${prefix}ScannerRole${account}`, {
      env: { account, region: audit.region },
      description: `${store.firmName}: the read-only role lexguard's scheduled audit scan assumes (lexguard)`,
      tags,
      role: {
        roleName: audit.scannerRoleName,
        auditAccount: audit.account,
        collectorRoleName: auditNames(store).collectorRoleName,
      },
    });
  }
  return { audit: stack, scannerRoles };
}
