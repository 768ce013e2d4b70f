import type { LiveCallName } from './calls';

/**
 * Error codes AWS APIs use to say "this setting is not configured": explicit absence, not a failure.
 * Every other error (AccessDenied above all) makes the values the call should have given unknown. A code
 * counts as absence only for the calls listed with it, so that, say, `NoSuchEntity` from
 * `GetAccountPasswordPolicy` (no policy) is never confused with a user that vanished mid-scan.
 */
export const ABSENCE_CODES: ReadonlyArray<{ code: string; calls: readonly LiveCallName[]; means: string }> = [
  // The bucket has no default encryption configuration (only possible for buckets created before 2023).
  {
    code: 'ServerSideEncryptionConfigurationNotFoundError',
    calls: ['s3:GetBucketEncryption'],
    means: 'no default encryption configured',
  },
  // The bucket has no Block Public Access configuration of its own: every flag is off.
  {
    code: 'NoSuchPublicAccessBlockConfiguration',
    calls: ['s3:GetPublicAccessBlock', 's3control:GetPublicAccessBlock'],
    means: 'no Block Public Access configuration',
  },
  // The bucket has no bucket policy.
  {
    code: 'NoSuchBucketPolicy',
    calls: ['s3:GetBucketPolicy', 's3:GetBucketPolicyStatus'],
    means: 'no bucket policy',
  },
  // No object ownership setting: the bucket predates them and behaves as ObjectWriter.
  {
    code: 'OwnershipControlsNotFoundError',
    calls: ['s3:GetBucketOwnershipControls'],
    means: 'no object ownership controls',
  },
  // The bucket was created without Object Lock.
  {
    code: 'ObjectLockConfigurationNotFoundError',
    calls: ['s3:GetObjectLockConfiguration'],
    means: 'Object Lock not enabled',
  },
  // No lifecycle rules.
  {
    code: 'NoSuchLifecycleConfiguration',
    calls: ['s3:GetBucketLifecycleConfiguration'],
    means: 'no lifecycle configuration',
  },
  // No replication rules.
  {
    code: 'ReplicationConfigurationNotFoundError',
    calls: ['s3:GetBucketReplication'],
    means: 'no replication configuration',
  },
  // The bucket carries no tags.
  { code: 'NoSuchTagSet', calls: ['s3:GetBucketTagging'], means: 'no tags' },
  // The account has no password policy (AWS then applies its default, which the policy's controls fail).
  { code: 'NoSuchEntity', calls: ['iam:GetAccountPasswordPolicy'], means: 'no account password policy' },
];

const BY_CALL = new Map<string, Set<string>>();
for (const entry of ABSENCE_CODES) {
  for (const call of entry.calls) {
    const codes = BY_CALL.get(call) ?? new Set<string>();
    codes.add(entry.code);
    BY_CALL.set(call, codes);
  }
}

/** Whether `code`, returned by `call`, means the setting is simply not configured. */
export function isAbsence(call: string, code: string): boolean {
  return BY_CALL.get(call)?.has(code) ?? false;
}
