import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import { LockedVault } from '../constructs/locked-vault';
import { storeKey } from './store-key';
import { StoreTags } from './store-tags';
import { vaultLock } from './vault-lock';
import { roleArn, storeNames } from './names';

export interface OffsiteCopyStackProps extends StackProps {
  config: StoreConfig;
  controls: SecurityControls;
}

/**
 * The off-site half of the backups (CP-10), in the second approved region (CP-12): a locked vault that
 * receives a copy of every recovery point, encrypted with that region's own backups key.
 */
export class OffsiteCopyStack extends Stack {
  readonly vault: LockedVault;

  constructor(scope: Construct, id: string, props: OffsiteCopyStackProps) {
    super(scope, id, props);
    const { config, controls } = props;
    const names = storeNames(config);
    const key = storeKey(
      this,
      'BackupsKey',
      'backups',
      'encrypts the off-site copies of client document backups',
      props,
    );
    this.vault = new LockedVault(this, 'Vault', {
      vaultName: names.offsiteVaultName,
      key,
      backupRole: new iam.ArnPrincipal(roleArn(this, names.rolePath, names.backupRoleName)),
      ...(controls.backupVaultLock ? { lock: vaultLock(config) } : {}),
    });
    new StoreTags(config, controls).apply(this, config.highestClassification);
  }
}
