import type { Leaf, Link } from './leaf';
import type { ResourceBase } from './resource';

export interface BackupVault extends ResourceBase<'backup_vault'> {
  kms_key: Link;
  /** The vault lock; `null` when the vault is not locked. */
  lock: Leaf<VaultLock | null>;
}

export interface VaultLock {
  min_retention_days: number | null;
  max_retention_days: number | null;
  /** Days left before the lock becomes immutable (compliance mode); `null` for governance mode. */
  changeable_for_days: number | null;
}

export interface BackupPlan extends ResourceBase<'backup_plan'> {
  rules: Leaf<BackupRule[]>;
}

export interface BackupRule {
  name: string;
  /** The vault name or ARN as configured. */
  target_vault: string | null;
  /** Model id of the target vault when it is in scope. */
  target_vault_target?: string;
  schedule: string | null;
  /** Days after which recovery points are deleted; `null` when they are kept forever. */
  delete_after_days: number | null;
  copy_actions: BackupCopyAction[];
  unresolved: string[];
}

export interface BackupCopyAction {
  destination_vault_arn: string | null;
  /** Region of the destination vault, `null` when it cannot be told. */
  destination_region: string | null;
  delete_after_days: number | null;
}

export interface BackupSelection extends ResourceBase<'backup_selection'> {
  plan: Link;
  /** Resource ARNs or patterns selected explicitly. */
  resources: Leaf<string[]>;
  not_resources: Leaf<string[]>;
  /** Tag conditions (`ListOfTags`, all `StringEquals`); a resource matching any is selected. */
  tag_conditions: Leaf<BackupTagCondition[]>;
  /**
   * Tag conditions a selected resource must all match (`Conditions`: `StringEquals`, `StringLike`,
   * `StringNotEquals`, `StringNotLike`); they narrow what `resources` and `tag_conditions` select.
   */
  conditions: Leaf<BackupTagCondition[]>;
}

export interface BackupTagCondition {
  /** The tag key, without the `aws:ResourceTag/` prefix `Conditions` write it with. */
  key: string;
  /** The value, or for `StringLike` a pattern where `*` and `?` are wildcards. */
  value: string;
  /**
   * `StringEquals`, `StringLike`, `StringNotEquals` or `StringNotLike` (`ListOfTags`' `STRINGEQUALS` is
   * written `StringEquals`), so every source compares the same words.
   */
  operator: string;
}
