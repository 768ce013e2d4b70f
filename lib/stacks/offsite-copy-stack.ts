import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import { FirmKey } from '../constructs/firm-key';
import { LockedVault } from '../constructs/locked-vault';
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
    const key = new FirmKey(this, 'BackupsKey', {
      purpose: 'backups',
      aliasPrefix: config.firmId,
      description: `${config.firmName}: encrypts the off-site copies of client document backups`,
      rotation: controls.keyRotation,
      deletionWindowDays: controls.keyDeletionWindowDays,
    });
    key.allowUse(
      'BackupRoleCopiesIn',
      [new iam.ArnPrincipal(roleArn(this, names.rolePath, names.backupRoleName))],
      [
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:Encrypt',
        'kms:GenerateDataKey',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
      ],
    );
    this.vault = new LockedVault(this, 'Vault', {
      vaultName: names.offsiteVaultName,
      key,
      ...(controls.backupVaultLock ? { lock: vaultLock(config) } : {}),
    });
    new StoreTags(config, controls).apply(this, config.highestClassification);
  }
}
