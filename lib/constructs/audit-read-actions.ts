/**
 * What an auditor reads to check the store against the firm's policy: the configuration of every service
 * the store uses and the audit trail's events, never a document's contents (`s3:GetObject` is absent;
 * trail and access-log objects are granted separately). Shared by the auditor role and the permissions
 * boundary, so the boundary always lets the auditor do its job.
 */
export const AUDIT_READ_ACTIONS = [
  'backup:Describe*',
  'backup:GetBackupPlan',
  'backup:GetBackupSelection',
  'backup:GetBackupVaultAccessPolicy',
  'backup:List*',
  'cloudtrail:Describe*',
  'cloudtrail:Get*',
  'cloudtrail:List*',
  'cloudtrail:LookupEvents',
  'cloudwatch:Describe*',
  'iam:GenerateCredentialReport',
  'iam:Get*',
  'iam:List*',
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:List*',
  'logs:Describe*',
  'logs:FilterLogEvents',
  'logs:GetLogEvents',
  's3:GetAccountPublicAccessBlock',
  's3:GetBucket*',
  's3:GetEncryptionConfiguration',
  's3:GetLifecycleConfiguration',
  's3:GetReplicationConfiguration',
  's3:ListAllMyBuckets',
  'sns:GetTopicAttributes',
  'sns:ListSubscriptionsByTopic',
  'sns:ListTopics',
];
