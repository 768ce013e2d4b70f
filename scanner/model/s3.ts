import type { Leaf, Link } from './leaf';
import type { PolicyDocument } from './policy-document';
import type { ResourceBase } from './resource';

export interface S3Bucket extends ResourceBase<'s3_bucket'> {
  encryption: S3Encryption;
  public_access_block: PublicAccessBlock;
  /** The bucket policy; `null` when the bucket has none. */
  policy: Leaf<PolicyDocument | null>;
  /** Live only: S3's own verdict on the bucket policy (`GetBucketPolicyStatus`); `false` when there is none. */
  policy_is_public?: Leaf<boolean>;
  acl: Leaf<AclGrant[]>;
  /** Object ownership; `BucketOwnerEnforced` disables ACLs. */
  ownership: Leaf<'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter'>;
  versioning: {
    status: Leaf<'Enabled' | 'Suspended' | 'Disabled'>;
    mfa_delete: Leaf<boolean>;
  };
  object_lock: {
    enabled: Leaf<boolean>;
    /** The default retention applied to new objects; `null` when none is set. */
    default_retention: Leaf<ObjectLockRetention | null>;
  };
  logging: {
    /** The server access log target; `ref` is `null` when access logging is off. */
    target_bucket: Link;
    target_prefix: Leaf<string | null>;
  };
  lifecycle: Leaf<LifecycleRule[]>;
  replication: Leaf<ReplicationRule[]>;
  /**
   * Made by the normaliser from what writes into the bucket: `access_logs` when another bucket's server
   * access logs go here, `trail_logs` when a trail delivers here, `documents` otherwise. Rules pick the
   * retention period and the controls that apply by it.
   */
  holds: BucketContents;
  /** Made by the normaliser: the backup selections (model ids) that cover this bucket. */
  backup_selections: Leaf<string[]>;
  /** Made by the normaliser: the trails (model ids) that record this bucket's object-level (data) events. */
  data_event_trails: {
    read: Leaf<string[]>;
    write: Leaf<string[]>;
  };
}

export type BucketContents = 'documents' | 'access_logs' | 'trail_logs';

export interface S3Encryption {
  /** Default encryption algorithm; `null` when no default encryption is configured. */
  algorithm: Leaf<'aws:kms' | 'aws:kms:dsse' | 'AES256' | null>;
  /** The KMS key for SSE-KMS; `ref` is `null` when SSE-KMS uses the AWS managed key `aws/s3`. */
  kms_key: Link;
  bucket_key: Leaf<boolean>;
}

export interface PublicAccessBlock {
  block_public_acls: Leaf<boolean>;
  ignore_public_acls: Leaf<boolean>;
  block_public_policy: Leaf<boolean>;
  restrict_public_buckets: Leaf<boolean>;
}

export interface AclGrant {
  grantee_type: 'CanonicalUser' | 'Group' | 'AmazonCustomerByEmail';
  /** The canonical user id, group URI or e-mail address. */
  grantee: string;
  permission: 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';
}

export interface ObjectLockRetention {
  mode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Retention in days (a retention given in years counts 365 days a year). */
  days: number;
}

export interface LifecycleRule {
  id: string | null;
  enabled: boolean;
  /** Key prefix the rule applies to; `""` for the whole bucket. */
  prefix: string;
  /** Days after which current versions expire; `null` when the rule does not expire them. */
  expiration_days: number | null;
  /** Days after which noncurrent versions expire; `null` when the rule does not expire them. */
  noncurrent_expiration_days: number | null;
  /** Paths of the rule whose values could not be resolved. */
  unresolved: string[];
}

export interface ReplicationRule {
  id: string | null;
  enabled: boolean;
  destination_bucket_arn: string | null;
  /** Model id of the destination bucket when it is in the scanned scope. */
  destination_target?: string;
  /** Region of the destination, `null` when it cannot be told. */
  destination_region: string | null;
  unresolved: string[];
}
