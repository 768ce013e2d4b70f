/**
 * The security controls the document store builds in, one switch per control, each on in
 * `SECURE_CONTROLS`. The app in `bin/` always builds with `SECURE_CONTROLS`; a switch can be turned off
 * only to build a deliberately weakened variant, which is how the tests prove that lexguard's rules see
 * what the constructs do. A weakened app also fails cdk-nag and the data-store guardrails on synth.
 */
export interface SecurityControls {
  /** CP-03: KMS keys rotate automatically every year. */
  keyRotation: boolean;
  /** CP-03: days a key waits before deletion once scheduled (7 to 30). */
  keyDeletionWindowDays: number;
  /** CP-03: one key per purpose; off, the documents key also encrypts logs, backups and alerts. */
  keyPerPurpose: boolean;
  /** CP-01: document buckets are encrypted with the firm's documents key (`KMS`) or S3's own key (`S3_MANAGED`). */
  documentEncryption: 'KMS' | 'S3_MANAGED';
  /** CP-01: SSE-KMS buckets use S3 Bucket Keys. */
  bucketKeys: boolean;
  /** CP-10: buckets keep every version; off, only where Object Lock does not need it. */
  versioning: boolean;
  /** CP-02: bucket policies refuse plain HTTP and TLS below 1.2. */
  enforceTls: boolean;
  /** CP-07: all four S3 Block Public Access flags on every bucket. */
  blockPublicAccess: boolean;
  /** CP-07: ACLs disabled (object ownership `BucketOwnerEnforced`). */
  disableAcls: boolean;
  /** CP-11: Object Lock with a default retention on confidential and privileged buckets. */
  objectLock: boolean;
  /** CP-11: lifecycle rules expire noncurrent versions once the retention period has passed. */
  expireOldVersions: boolean;
  /** CP-08: document buckets write server access logs to the access-log bucket. */
  accessLogging: boolean;
  /** CP-13: data stores carry the `data-classification` and `owner` tags. */
  requiredTags: boolean;
  /** CP-05: every firm role and human group is under the MFA-enforcing deny, and role trust requires MFA. */
  mfaEnforced: boolean;
  /** CP-04: delegated firm roles carry the permissions boundary. */
  permissionsBoundary: boolean;
  /** CP-08: the trail records every region. */
  trailMultiRegion: boolean;
  /** CP-08: the trail writes digest files so tampering with its logs can be detected. */
  trailFileValidation: boolean;
  /** CP-01, CP-08: the trail encrypts its logs with the audit key. */
  trailEncryption: boolean;
  /** CP-08: the trail records object reads and writes in the document buckets. */
  trailDataEvents: boolean;
  /** CP-08: the trail delivers to a CloudWatch Logs group (needed by the CP-09 alarms). */
  trailToCloudWatch: boolean;
  /** CP-01: the trail's log group is encrypted with the audit key. */
  logGroupEncryption: boolean;
  /** CP-09: metric filters and alarms on the suspicious events. */
  securityAlarms: boolean;
  /** CP-01, CP-09: the alarm topic is encrypted with the alerts key. */
  alertTopicEncryption: boolean;
  /** CP-10: the backup vault is locked. */
  backupVaultLock: boolean;
  /** CP-10: every backup is copied to the vault in the second approved region. */
  backupCopies: boolean;
}

export const SECURE_CONTROLS: Readonly<SecurityControls> = Object.freeze({
  keyRotation: true,
  keyDeletionWindowDays: 30,
  keyPerPurpose: true,
  documentEncryption: 'KMS',
  bucketKeys: true,
  versioning: true,
  enforceTls: true,
  blockPublicAccess: true,
  disableAcls: true,
  objectLock: true,
  expireOldVersions: true,
  accessLogging: true,
  requiredTags: true,
  mfaEnforced: true,
  permissionsBoundary: true,
  trailMultiRegion: true,
  trailFileValidation: true,
  trailEncryption: true,
  trailDataEvents: true,
  trailToCloudWatch: true,
  logGroupEncryption: true,
  securityAlarms: true,
  alertTopicEncryption: true,
  backupVaultLock: true,
  backupCopies: true,
});
