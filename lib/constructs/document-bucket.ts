import { Tags } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNagRules, NAG_RULES } from '../aspects/nag-acknowledgements';
import { tagDataStore, type DataStoreTags } from './data-store-tags';
import { ACCESS_LOGS_PREFIX, HardenedBucket, type HardenedBucketProps } from './hardened-bucket';
import { rejectProps } from './reject-props';

/** The tag AWS Backup selects document buckets by (CP-10). */
export const BACKUP_TAG = { key: 'backup-plan', value: 'client-documents' } as const;

export interface DocumentBucketProps extends Pick<
  HardenedBucketProps,
  'encryption' | 'enforceTls' | 'blockPublicAccess' | 'disableAcls' | 'versioning'
> {
  /** Days documents and their old versions are kept (CP-11). */
  retentionDays: number;
  /** CP-11: lock every new version for `retentionDays`; required for confidential and privileged records. */
  objectLock?: { mode: 'GOVERNANCE' | 'COMPLIANCE' };
  /** CP-11: delete versions that are no longer current once `retentionDays` have passed. */
  expireOldVersions: boolean;
  /** CP-08: the bucket receiving this bucket's server access logs. */
  accessLogs?: s3.IBucket;
  /** CP-13: absent when the tagging control is off. */
  tags?: DataStoreTags;
}

/**
 * A bucket of client documents of one classification. Current documents never expire by age (records are
 * disposed of by the records manager); old versions are kept for the retention period, and under Object
 * Lock cannot be deleted before it. The backup tag puts the bucket in the backup plan's selection.
 */
export class DocumentBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DocumentBucketProps) {
    super(scope, id);
    if (!Number.isInteger(props.retentionDays) || props.retentionDays < 1) {
      rejectProps(
        this,
        `retentionDays must be a whole number of days, at least 1, not ${props.retentionDays}`,
      );
    }
    this.bucket = new HardenedBucket(this, 'Documents', {
      encryption: props.encryption,
      enforceTls: props.enforceTls,
      blockPublicAccess: props.blockPublicAccess,
      disableAcls: props.disableAcls,
      versioning: props.versioning,
      ...(props.objectLock ? { objectLock: { mode: props.objectLock.mode, days: props.retentionDays } } : {}),
      ...(props.accessLogs
        ? { accessLogs: { bucket: props.accessLogs, prefix: `${ACCESS_LOGS_PREFIX}${id.toLowerCase()}/` } }
        : {}),
      ...(props.expireOldVersions ? { noncurrentVersionExpiryDays: props.retentionDays } : {}),
    }).bucket;
    if (props.tags) tagDataStore(this.bucket, props.tags);
    Tags.of(this.bucket).add(BACKUP_TAG.key, BACKUP_TAG.value);
    acknowledgeNagRules(
      this,
      NAG_RULES.s3Replication,
      'Off-site copies are made by AWS Backup, which copies every recovery point to the vault in the second approved region (CP-10, CP-12).',
    );
  }
}
