/**
 * Every AWS API call lexguard's live collectors may make, with the IAM action that allows it. This one
 * list is the source of `lexguard iam-policy` (the read-only policy a scanning role needs), and the caller
 * refuses any call that is not on it, so the policy and the collectors cannot drift apart.
 */
export interface LiveCallDeclaration {
  /** `service:Operation` as the SDK names it, e.g. `s3:GetBucketEncryption`; the `at.call` of live leaves. */
  call: string;
  /** The IAM action that authorises the call; S3 and a few others name it differently from the operation. */
  action: string;
  /**
   * What needs it: every live scan, only `--organization`, only scans of other accounts' roles
   * (`--assume-role`, `--organization-role`), or only `lexguard drift`.
   */
  feature: LiveFeature;
}

export type LiveFeature = 'scan' | 'organizations' | 'assume-role' | 'drift';

const scan = (call: string, action = call): LiveCallDeclaration => ({ call, action, feature: 'scan' });

export const LIVE_CALLS = [
  // Accounts and regions.
  scan('sts:GetCallerIdentity'),
  { call: 'sts:AssumeRole', action: 'sts:AssumeRole', feature: 'assume-role' },
  scan('ec2:DescribeRegions'),
  { call: 'organizations:ListAccounts', action: 'organizations:ListAccounts', feature: 'organizations' },
  // S3: the IAM actions of bucket sub-resources are not the operation names.
  scan('s3:ListBuckets', 's3:ListAllMyBuckets'),
  scan('s3:GetBucketLocation'),
  scan('s3:GetBucketEncryption', 's3:GetEncryptionConfiguration'),
  scan('s3:GetPublicAccessBlock', 's3:GetBucketPublicAccessBlock'),
  scan('s3:GetBucketPolicy'),
  scan('s3:GetBucketPolicyStatus'),
  scan('s3:GetBucketAcl'),
  scan('s3:GetBucketOwnershipControls'),
  scan('s3:GetBucketVersioning'),
  scan('s3:GetObjectLockConfiguration', 's3:GetBucketObjectLockConfiguration'),
  scan('s3:GetBucketLogging'),
  scan('s3:GetBucketLifecycleConfiguration', 's3:GetLifecycleConfiguration'),
  scan('s3:GetBucketReplication', 's3:GetReplicationConfiguration'),
  scan('s3:GetBucketTagging'),
  scan('s3control:GetPublicAccessBlock', 's3:GetAccountPublicAccessBlock'),
  // KMS.
  scan('kms:ListKeys'),
  scan('kms:ListAliases'),
  scan('kms:DescribeKey'),
  scan('kms:GetKeyRotationStatus'),
  scan('kms:GetKeyPolicy'),
  scan('kms:ListResourceTags'),
  // IAM.
  scan('iam:GenerateCredentialReport'),
  scan('iam:GetCredentialReport'),
  scan('iam:GetAccountSummary'),
  scan('iam:GetAccountPasswordPolicy'),
  scan('iam:GetAccountAuthorizationDetails'),
  scan('iam:ListRoles'),
  scan('iam:GetPolicy'),
  scan('iam:GetPolicyVersion'),
  // CloudTrail.
  scan('cloudtrail:DescribeTrails'),
  scan('cloudtrail:GetTrailStatus'),
  scan('cloudtrail:GetEventSelectors'),
  scan('cloudtrail:ListTags'),
  // AWS Backup.
  scan('backup:ListBackupVaults'),
  scan('backup:ListBackupPlans'),
  scan('backup:GetBackupPlan'),
  scan('backup:ListBackupSelections'),
  scan('backup:GetBackupSelection'),
  scan('backup:ListTags'),
  // CloudWatch, CloudWatch Logs, SNS.
  scan('logs:DescribeLogGroups'),
  scan('logs:DescribeMetricFilters'),
  scan('cloudwatch:DescribeAlarms'),
  scan('sns:ListTopics'),
  scan('sns:GetTopicAttributes'),
  scan('sns:ListTagsForResource'),
  // Drift: the deployed template and its physical resources.
  { call: 'cloudformation:GetTemplate', action: 'cloudformation:GetTemplate', feature: 'drift' },
  {
    call: 'cloudformation:DescribeStackResources',
    action: 'cloudformation:DescribeStackResources',
    feature: 'drift',
  },
] as const satisfies readonly LiveCallDeclaration[];

/** A call on the declared list; the caller accepts no other. */
export type LiveCallName = (typeof LIVE_CALLS)[number]['call'];

const DECLARED: ReadonlyMap<string, LiveCallDeclaration> = new Map(
  LIVE_CALLS.map((entry) => [entry.call, entry]),
);

export function declarationOf(call: string): LiveCallDeclaration | undefined {
  return DECLARED.get(call);
}
