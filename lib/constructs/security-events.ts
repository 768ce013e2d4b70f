/**
 * The suspicious events the firm wants to hear about within minutes (CP-09), as CloudWatch Logs filter
 * patterns over the trail's events. The patterns are the CIS AWS Foundations Benchmark's, so the same
 * filters auditors already know are the ones deployed.
 */
export interface SecurityEvent {
  /** Used in construct ids and metric names. */
  id: string;
  description: string;
  pattern: string;
}

export function securityEvents(breakGlassRoleName: string): SecurityEvent[] {
  return [
    {
      id: 'UnauthorizedApiCalls',
      description: 'API calls refused for lack of permission',
      pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    },
    {
      id: 'ConsoleSignInWithoutMfa',
      description: 'Console sign-in without MFA',
      pattern:
        '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    },
    {
      id: 'RootAccountUse',
      description: 'Use of the account root user',
      pattern:
        '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    },
    {
      id: 'IamPolicyChanges',
      description: 'IAM policy changes',
      pattern:
        '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }',
    },
    {
      id: 'CloudTrailChanges',
      description: 'Changes to a trail, or logging stopped',
      pattern:
        '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    },
    {
      id: 'KmsKeyDisabledOrScheduledForDeletion',
      description: 'A KMS key disabled or scheduled for deletion',
      pattern:
        '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    },
    {
      id: 'BucketPolicyChanges',
      description: 'S3 bucket policy, ACL, CORS, lifecycle or replication changes',
      pattern:
        '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
    },
    {
      id: 'BreakGlassRoleUse',
      description: `The ${breakGlassRoleName} role assumed`,
      pattern: `{ ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = "*/${breakGlassRoleName}") }`,
    },
  ];
}
