import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { rejectProps } from './reject-props';

/** Server access logs of every bucket go under this prefix of the access-log bucket, one folder per bucket. */
export const ACCESS_LOGS_PREFIX = 'access-logs/';

/** How a bucket's objects are encrypted at rest by default. */
export type BucketEncryptionChoice =
  | {
      kind: 'KMS';
      key: kms.IKey;
      /** S3 Bucket Keys: fewer KMS calls, same key. @default true */ bucketKey?: boolean;
    }
  | { kind: 'S3_MANAGED' };

export interface HardenedBucketProps {
  /** CP-01: SSE-KMS with a firm key (with S3 Bucket Keys), or SSE-S3 where S3 allows nothing else. */
  encryption: BucketEncryptionChoice;
  /** CP-02: the bucket policy refuses plain HTTP and TLS below 1.2. */
  enforceTls: boolean;
  /** CP-07: all four Block Public Access flags; `false` turns all four off. */
  blockPublicAccess: boolean;
  /** CP-07: object ownership `BucketOwnerEnforced`, which disables ACLs. */
  disableAcls: boolean;
  /** CP-10: keep every version of every object; Object Lock requires it. @default true */
  versioning?: boolean;
  /** CP-11: Object Lock default retention for every new object version. */
  objectLock?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; days: number };
  /** CP-08: where the bucket's server access logs go. */
  accessLogs?: { bucket: s3.IBucket; prefix: string };
  /** CP-11: days after which versions that are no longer current are deleted. */
  noncurrentVersionExpiryDays?: number;
  /** CP-11: days after which current objects expire (logs only: documents are never expired by age). */
  currentVersionExpiryDays?: number;
}

/**
 * An S3 bucket with the controls every lexguard bucket shares: versioned, retained when its stack is
 * deleted, encrypted by default (SSE-C refused, so no key outside the firm's control is used), private,
 * TLS-only, with lifecycle rules that dispose of old versions once their retention has passed.
 */
export class HardenedBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: HardenedBucketProps) {
    super(scope, id);
    validate(this, props);
    const kms = props.encryption.kind === 'KMS';
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: kms ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      ...(props.encryption.kind === 'KMS'
        ? { encryptionKey: props.encryption.key, bucketKeyEnabled: props.encryption.bucketKey ?? true }
        : {}),
      blockedEncryptionTypes: [s3.BlockedEncryptionType.SSE_C],
      enforceSSL: props.enforceTls,
      ...(props.enforceTls ? { minimumTLSVersion: 1.2 } : {}),
      blockPublicAccess: props.blockPublicAccess ? s3.BlockPublicAccess.BLOCK_ALL : NO_BLOCK,
      objectOwnership: props.disableAcls
        ? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED
        : s3.ObjectOwnership.OBJECT_WRITER,
      versioned: props.versioning ?? true,
      ...(props.objectLock
        ? {
            objectLockEnabled: true,
            objectLockDefaultRetention:
              props.objectLock.mode === 'COMPLIANCE'
                ? s3.ObjectLockRetention.compliance(Duration.days(props.objectLock.days))
                : s3.ObjectLockRetention.governance(Duration.days(props.objectLock.days)),
          }
        : {}),
      ...(props.accessLogs
        ? { serverAccessLogsBucket: props.accessLogs.bucket, serverAccessLogsPrefix: props.accessLogs.prefix }
        : {}),
      lifecycleRules: [lifecycleRule(props)],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

const NO_BLOCK = new s3.BlockPublicAccess({
  blockPublicAcls: false,
  blockPublicPolicy: false,
  ignorePublicAcls: false,
  restrictPublicBuckets: false,
});

function lifecycleRule(props: HardenedBucketProps): s3.LifecycleRule {
  return {
    id: 'retention',
    abortIncompleteMultipartUploadAfter: Duration.days(7),
    ...(props.noncurrentVersionExpiryDays !== undefined
      ? { noncurrentVersionExpiration: Duration.days(props.noncurrentVersionExpiryDays) }
      : {}),
    ...(props.currentVersionExpiryDays !== undefined
      ? { expiration: Duration.days(props.currentVersionExpiryDays) }
      : { expiredObjectDeleteMarker: true }),
  };
}

function validate(scope: Construct, props: HardenedBucketProps): void {
  const lock = props.objectLock;
  if (lock && props.versioning === false) {
    rejectProps(scope, 'Object Lock needs versioning: a locked bucket keeps every version');
  }
  if (lock && (!Number.isInteger(lock.days) || lock.days < 1)) {
    rejectProps(
      scope,
      `the Object Lock retention must be a whole number of days, at least 1, not ${lock.days}`,
    );
  }
  if (lock && props.currentVersionExpiryDays !== undefined && props.currentVersionExpiryDays < lock.days) {
    rejectProps(
      scope,
      `objects would expire after ${props.currentVersionExpiryDays} days, before their Object Lock retention of ${lock.days} days ends`,
    );
  }
  if (
    lock &&
    props.noncurrentVersionExpiryDays !== undefined &&
    props.noncurrentVersionExpiryDays < lock.days
  ) {
    rejectProps(
      scope,
      `old versions would be set to expire after ${props.noncurrentVersionExpiryDays} days, before their Object Lock retention of ${lock.days} days ends`,
    );
  }
}
