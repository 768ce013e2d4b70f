import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { suppress } from '../../scanner/cdk/suppress';
import { acknowledgeNagRules, NAG_RULES } from '../aspects/nag-acknowledgements';
import { AccessLogBucket } from './access-log-bucket';
import { tagDataStore, type DataStoreTags } from './data-store-tags';
import { auditWaiver } from './audit-waivers';
import type { FirmKey } from './firm-key';
import { ACCESS_LOGS_PREFIX, HardenedBucket } from './hardened-bucket';

export interface ScanReportsBucketProps {
  /** Encrypts every report, history record and run file (SSE-KMS with S3 Bucket Keys). */
  key: FirmKey;
  /** CP-11, CP-14: how long scan records and reports are kept, Object-Locked for as long. */
  retentionDays: number;
  objectLockMode: 'GOVERNANCE' | 'COMPLIANCE';
  tags: DataStoreTags;
  /** Who answers for the bucket's waived lexguard findings. */
  owner: string;
}

/**
 * Where scheduled scans keep their runs, the scan history and the reports: hardened like the document
 * buckets (SSE-KMS with a firm key, TLS only, Block Public Access, ACLs off, versioned, access-logged)
 * and Object-Locked for the audit retention, so that no record of a scan can be altered or removed before
 * its time (CP-08, CP-14). Reports name the firm's resources and their weaknesses: they are confidential.
 * Its own access-log bucket sits beside it, since the audit stack may live in another account than the
 * store.
 */
export class ScanReportsBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: ScanReportsBucketProps) {
    super(scope, id);
    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      enforceTls: true,
      blockPublicAccess: true,
      disableAcls: true,
      retentionDays: props.retentionDays,
      tags: props.tags,
    }).bucket;
    this.bucket = new HardenedBucket(this, 'Reports', {
      encryption: { kind: 'KMS', key: props.key.key },
      enforceTls: true,
      blockPublicAccess: true,
      disableAcls: true,
      objectLock: { mode: props.objectLockMode, days: props.retentionDays },
      accessLogs: { bucket: this.accessLogs, prefix: `${ACCESS_LOGS_PREFIX}reports/` },
      currentVersionExpiryDays: props.retentionDays,
      noncurrentVersionExpiryDays: props.retentionDays,
    }).bucket;
    tagDataStore(this.bucket, props.tags);
    acknowledgeNagRules(
      this.bucket,
      NAG_RULES.s3Replication,
      'Scan records and reports stay in the audit region, an approved region (CP-12); they are Object-Locked for the audit retention and rebuilt by the next scan if lost.',
    );
    // lexguard holds buckets of confidential data to the document buckets' backup and data-event trail.
    suppress(
      this.bucket,
      auditWaiver(
        'LG-BAK-001',
        'Scan records and reports are versioned and Object-Locked for the audit retention, so none can be deleted or overwritten before its time; they describe the estate, not client documents, and the next scan rebuilds a lost report.',
        props.owner,
      ),
      auditWaiver(
        'LG-CT-005',
        "Every request to the bucket is recorded by S3 server access logs in the bucket beside it; only the audit functions' roles can read or write it, and the audit account's trail is the account's own.",
        props.owner,
      ),
    );
  }
}
