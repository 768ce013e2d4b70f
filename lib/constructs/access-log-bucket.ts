import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNagRules, NAG_RULES } from '../aspects/nag-acknowledgements';
import { tagDataStore, type DataStoreTags } from './data-store-tags';
import { HardenedBucket, type HardenedBucketProps } from './hardened-bucket';

export interface AccessLogBucketProps extends Pick<
  HardenedBucketProps,
  'enforceTls' | 'blockPublicAccess' | 'disableAcls' | 'versioning'
> {
  /** Days access logs are kept (CP-08, CP-11). */
  retentionDays: number;
  /** Absent when the tagging control is off. */
  tags?: DataStoreTags;
}

/**
 * The bucket that receives the S3 server access logs of every other bucket (CP-08). S3 delivers access
 * logs only to a bucket encrypted with SSE-S3 and without an Object Lock default retention, so this is the
 * one bucket the firm's documents key does not protect; the logs hold object keys, not contents.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    this.bucket = new HardenedBucket(this, 'Logs', {
      ...props,
      encryption: { kind: 'S3_MANAGED' },
      currentVersionExpiryDays: props.retentionDays,
      noncurrentVersionExpiryDays: props.retentionDays,
    }).bucket;
    if (props.tags) tagDataStore(this.bucket, props.tags);
    acknowledgeNagRules(
      this,
      NAG_RULES.s3AccessLogging,
      'This is the server access log target itself: logging its own log deliveries would log without end.',
    );
    acknowledgeNagRules(
      this,
      NAG_RULES.s3KmsEncryption,
      'S3 delivers server access logs only to buckets encrypted with SSE-S3; SSE-KMS targets are not supported.',
    );
    acknowledgeNagRules(
      this,
      NAG_RULES.s3Replication,
      'Access logs stay in the primary approved region (CP-12); they are audit records, not client documents.',
    );
  }
}
