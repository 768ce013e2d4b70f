import type { App } from 'aws-cdk-lib';
import { pascalCase } from '../constructs/pascal-case';
import { SECURE_CONTROLS, type SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import { AccountBaselineStack } from './account-baseline-stack';
import { DocumentStoreStack } from './document-store-stack';
import { OffsiteCopyStack } from './offsite-copy-stack';

export interface DocumentStoreStacks {
  baseline: AccountBaselineStack;
  offsite: OffsiteCopyStack;
  store: DocumentStoreStack;
}

/**
 * Adds the document store's three stacks to an app, in deployment order: the account baseline (the backup
 * role the keys name must exist first), the off-site vault, then the store whose backup plan copies into it.
 */
export function addDocumentStore(
  app: App,
  config: StoreConfig,
  controls: SecurityControls = SECURE_CONTROLS,
): DocumentStoreStacks {
  const primary = { account: config.account, region: config.primaryRegion };
  const prefix = pascalCase(config.firmId);
  const tags = { application: 'lexguard-document-store', owner: config.owner };
  const baseline = new AccountBaselineStack(app, `${prefix}AccountBaseline`, {
    env: primary,
    description: `${config.firmName}: account password policy, firm groups and the backup role (lexguard)`,
    tags,
    config,
    controls,
  });
  const offsite = new OffsiteCopyStack(app, `${prefix}OffsiteCopies`, {
    env: { account: config.account, region: config.secondaryRegion },
    description: `${config.firmName}: off-site vault for backup copies of client documents (lexguard)`,
    tags,
    config,
    controls,
  });
  offsite.addStackDependency(baseline, 'the backups key names the backup role');
  const store = new DocumentStoreStack(app, `${prefix}DocumentStore`, {
    env: primary,
    description: `${config.firmName}: client document store, audit trail, alarms and backups (lexguard)`,
    tags,
    config,
    controls,
  });
  store.addStackDependency(baseline, 'the keys name the backup role');
  store.addStackDependency(offsite, 'the backup plan copies into the off-site vault');
  return { baseline, offsite, store };
}
