import { Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNagRules, NAG_RULES } from '../aspects/nag-acknowledgements';
import type { FirmKey } from './firm-key';
import { ACCESS_LOGS_PREFIX, HardenedBucket, type HardenedBucketProps } from './hardened-bucket';
import { EncryptedLogGroup } from './encrypted-log-group';

export interface AuditTrailProps {
  trailName: string;
  /** The trail's own bucket: hardened like every bucket, and Object-Locked for the audit retention. */
  bucket: Pick<HardenedBucketProps, 'enforceTls' | 'blockPublicAccess' | 'disableAcls'> & {
    objectLockMode: 'GOVERNANCE' | 'COMPLIANCE';
    retentionDays: number;
    accessLogs: s3.IBucket;
  };
  /** The audit-logs key: encrypts the trail's log files and its log group. */
  auditKey: FirmKey;
  /** CP-01, CP-08: encrypt log files with the audit key. */
  encryptLogs: boolean;
  /** CP-08: record every region, and global services (IAM, STS, CloudFront). */
  multiRegion: boolean;
  /** CP-08: write digest files so that altered or deleted log files can be detected. */
  fileValidation: boolean;
  /** CP-08, CP-09: deliver to a log group, where the security alarms' metric filters read. */
  cloudWatchLogs?: { retentionDays: number; encrypt: boolean };
  /** CP-08: buckets whose object reads and writes are recorded. */
  dataEventBuckets: s3.IBucket[];
}

/**
 * The firm's audit trail (CP-08): every management event in every region, object-level reads and writes
 * in the document buckets, log files encrypted and validated, delivered to a locked bucket and to an
 * encrypted log group for the alarms.
 */
export class AuditTrail extends Construct {
  readonly trail: cloudtrail.Trail;
  readonly bucket: s3.Bucket;
  readonly logGroup?: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const trailArn = stack.formatArn({
      service: 'cloudtrail',
      resource: 'trail',
      resourceName: props.trailName,
    });
    if (props.encryptLogs) {
      props.auditKey.allowUse(
        'CloudTrailEncryptsLogFiles',
        [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        ['kms:GenerateDataKey', 'kms:DescribeKey'],
        {
          StringLike: {
            'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`,
          },
          StringEquals: { 'aws:SourceArn': trailArn },
        },
      );
    }
    if (props.cloudWatchLogs) {
      this.logGroup = new EncryptedLogGroup(this, 'Events', {
        logGroupName: `/${props.trailName}/cloudtrail`,
        retentionDays: props.cloudWatchLogs.retentionDays,
        ...(props.cloudWatchLogs.encrypt ? { key: props.auditKey } : {}),
      }).logGroup;
    }
    this.bucket = this.createBucket(props);
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: props.trailName,
      bucket: this.bucket,
      ...(props.encryptLogs ? { encryptionKey: props.auditKey.key } : {}),
      isMultiRegionTrail: props.multiRegion,
      includeGlobalServiceEvents: true,
      enableFileValidation: props.fileValidation,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      sendToCloudWatchLogs: props.cloudWatchLogs !== undefined,
      ...(this.logGroup ? { cloudWatchLogGroup: this.logGroup } : {}),
    });
    if (props.dataEventBuckets.length > 0) {
      this.trail.addS3EventSelector(
        props.dataEventBuckets.map((bucket) => ({ bucket })),
        { readWriteType: cloudtrail.ReadWriteType.ALL, includeManagementEvents: true },
      );
    }
    acknowledgeNagRules(
      this.trail,
      ['HIPAA.Security-IAMNoInlinePolicy', 'NIST.800.53.R5-IAMNoInlinePolicy'],
      "aws-cdk-lib's Trail writes its CloudWatch Logs delivery role's one statement inline; it allows only CreateLogStream and PutLogEvents on the trail's own log group.",
    );
  }

  private createBucket(props: AuditTrailProps): s3.Bucket {
    const { bucket } = props;
    const trailBucket = new HardenedBucket(this, 'Logs', {
      enforceTls: bucket.enforceTls,
      blockPublicAccess: bucket.blockPublicAccess,
      disableAcls: bucket.disableAcls,
      encryption: { kind: 'KMS', key: props.auditKey.key },
      objectLock: { mode: bucket.objectLockMode, days: bucket.retentionDays },
      accessLogs: { bucket: bucket.accessLogs, prefix: `${ACCESS_LOGS_PREFIX}trail/` },
      currentVersionExpiryDays: bucket.retentionDays,
      noncurrentVersionExpiryDays: bucket.retentionDays,
    }).bucket;
    acknowledgeNagRules(
      trailBucket,
      NAG_RULES.s3Replication,
      'Trail log files stay in the primary approved region (CP-12), Object-Locked and validated by digest files (CP-08).',
    );
    return trailBucket;
  }
}
