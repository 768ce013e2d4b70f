import type { BackupVault, VaultLock } from '../../../model/backup';
import { linkTo } from '../../leaves';
import type { Decoder } from '../property-reader';
import { isRecord, toNumber, whyUnreadable } from '../resolved-values';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/**
 * `AWS::Backup::BackupVault`. Without `EncryptionKeyArn` AWS Backup encrypts with the AWS managed key
 * `aws/backup` (the link's `ref` is `null`); without `LockConfiguration` the vault is not locked.
 */
export const backupVaultAdapter: TemplateAdapter = {
  types: ['AWS::Backup::BackupVault'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const vault: BackupVault = {
      ...templateResourceBase(resource, 'backup_vault', 'BackupVaultName', 'BackupVaultTags'),
      kms_key: linkTo(props.reference(['EncryptionKeyArn'], { default: null })),
      lock: props.leaf(['LockConfiguration'], asVaultLock, { default: null }),
    };
    model.backup_vaults[vault.id] = vault;
  },
};

/** A lock without `ChangeableForDays` is in governance mode: it never becomes immutable. */
const asVaultLock: Decoder<VaultLock | null> = (value) => {
  if (!isRecord(value)) return { error: 'is not a mapping' };
  const lock: VaultLock = { min_retention_days: null, max_retention_days: null, changeable_for_days: null };
  const fields = [
    ['MinRetentionDays', 'min_retention_days'],
    ['MaxRetentionDays', 'max_retention_days'],
    ['ChangeableForDays', 'changeable_for_days'],
  ] as const;
  for (const [property, field] of fields) {
    if (value[property] === undefined) continue;
    const raw = value[property];
    const days = toNumber(raw);
    if (days === undefined) return { error: whyUnreadable(raw, `.${property}`) };
    lock[field] = days;
  }
  return { ok: lock };
};
