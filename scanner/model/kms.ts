import type { Leaf } from './leaf';
import type { PolicyDocument } from './policy-document';
import type { ResourceBase } from './resource';

export interface KmsKey extends ResourceBase<'kms_key'> {
  /** `CUSTOMER` for keys the firm creates and controls, `AWS` for AWS managed keys (`aws/s3`, …). */
  manager: Leaf<'CUSTOMER' | 'AWS'>;
  /** Key spec, e.g. `SYMMETRIC_DEFAULT`, `RSA_2048`. */
  spec: Leaf<string>;
  usage: Leaf<string>;
  rotation_enabled: Leaf<boolean>;
  /** Rotation period in days when rotation is on. */
  rotation_period_days: Leaf<number | null>;
  policy: Leaf<PolicyDocument | null>;
  /** Waiting period before deletion. AWS only reports it once deletion is scheduled. */
  deletion_window_days: Leaf<number>;
  /** `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, `Unavailable`, … */
  key_state: Leaf<string>;
  aliases: Leaf<string[]>;
  multi_region: Leaf<boolean>;
  /** Made by the normaliser: which resources (model ids) encrypt with this key, by purpose. */
  used_by: KeyUsage;
}

export interface KeyUsage {
  /** Buckets holding client documents (any bucket that is not a log or trail bucket). */
  documents: string[];
  /** Trails, trail and access-log buckets, log groups: audit data. */
  logs: string[];
  /** Backup vaults. */
  backups: string[];
  /** SNS topics and anything else. */
  other: string[];
}
