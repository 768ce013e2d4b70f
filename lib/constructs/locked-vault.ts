import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { keyActions, type FirmKey } from './firm-key';
import { rejectProps } from './reject-props';

export interface VaultLockProps {
  /** Shortest retention a recovery point may have: no backup rule may keep points for less. */
  minRetentionDays: number;
  /** Longest retention a recovery point may have (CP-11: backups are disposed of too). */
  maxRetentionDays: number;
  /** Days before the lock becomes immutable (compliance mode); absent for governance mode. */
  changeableForDays?: number;
}

export interface LockedVaultProps {
  vaultName: string;
  /** CP-01, CP-10: the backups key of the vault's region. */
  key: FirmKey;
  /** The role AWS Backup acts as: the key's policy lets it write and read recovery points. */
  backupRole: iam.IPrincipal;
  /** CP-10: the vault lock; absent only in a weakened build. */
  lock?: VaultLockProps;
}

/**
 * A backup vault (CP-10) encrypted with the firm's backups key, retained with its stack, whose recovery
 * points no one can delete by hand, and which is locked so retention cannot be shortened.
 */
export class LockedVault extends Construct {
  readonly vault: backup.BackupVault;

  constructor(scope: Construct, id: string, props: LockedVaultProps) {
    super(scope, id);
    const lock = props.lock;
    if (lock && lock.minRetentionDays > lock.maxRetentionDays) {
      rejectProps(
        this,
        `the vault lock's minimum retention (${lock.minRetentionDays} days) exceeds its maximum (${lock.maxRetentionDays} days)`,
      );
    }
    if (lock?.changeableForDays !== undefined && lock.changeableForDays < 3) {
      rejectProps(
        this,
        `a compliance-mode vault lock must stay changeable for at least 3 days, not ${lock.changeableForDays}`,
      );
    }
    props.key.allowUse('BackupRoleUsesVaultKey', [props.backupRole], keyActions('encrypt-decrypt'));
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: props.vaultName,
      encryptionKey: props.key.key,
      blockRecoveryPointDeletion: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(lock
        ? {
            lockConfiguration: {
              minRetention: Duration.days(lock.minRetentionDays),
              maxRetention: Duration.days(lock.maxRetentionDays),
              ...(lock.changeableForDays !== undefined
                ? { changeableFor: Duration.days(lock.changeableForDays) }
                : {}),
            },
          }
        : {}),
    });
  }
}
