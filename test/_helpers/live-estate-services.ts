import {
  BackupClient,
  CreateBackupPlanCommand,
  CreateBackupVaultCommand,
  PutBackupVaultLockConfigurationCommand,
} from '@aws-sdk/client-backup';
import {
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutMetricFilterCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { TEST_REGION } from './aws-env';
import { BLOCK_ALL_PUBLIC_ACCESS, type Estate } from './live-estate';
import { MOTO_ACCOUNT } from './moto';

/**
 * Adds the rest of a document store to an estate, through the real SDK against the emulator: a logging
 * multi-region trail with S3 data events, a locked backup vault and a plan copying to a second region,
 * an encrypted alarm topic, a log group with a metric filter and its alarm, IAM users, a group, a role,
 * a password policy and account-level Block Public Access. `keyArn` encrypts what is encrypted.
 */
export async function addServices(estate: Estate, prefix: string, keyArn: string): Promise<void> {
  const { ids } = estate;
  const region = TEST_REGION;
  const s3 = new S3Client({});
  const trails = new CloudTrailClient({});
  const backup = new BackupClient({});
  const logs = new CloudWatchLogsClient({});
  const cloudwatch = new CloudWatchClient({});
  const sns = new SNSClient({});
  const iam = new IAMClient({});
  const control = new S3ControlClient({});
  try {
    const trailBucket = `${prefix}-trail`;
    await s3.send(
      new CreateBucketCommand({
        Bucket: trailBucket,
        CreateBucketConfiguration: { LocationConstraint: region },
      }),
    );
    ids['trail-bucket'] = `arn:aws:s3:::${trailBucket}`;
    const logGroup = `${prefix}-trail-logs`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: logGroup, kmsKeyId: keyArn }));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: logGroup, retentionInDays: 3653 }));
    ids['log-group'] = `arn:aws:logs:${region}:${MOTO_ACCOUNT}:log-group:${logGroup}`;

    const trail = await trails.send(
      new CreateTrailCommand({
        Name: `${prefix}-trail`,
        S3BucketName: trailBucket,
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
        KmsKeyId: keyArn,
        CloudWatchLogsLogGroupArn: `${ids['log-group']}:*`,
        CloudWatchLogsRoleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/trail-to-logs`,
      }),
    );
    ids.trail = trail.TrailARN ?? '';
    await trails.send(new StartLoggingCommand({ Name: ids.trail }));
    await trails.send(
      new PutEventSelectorsCommand({
        TrailName: ids.trail,
        EventSelectors: [
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: true,
            DataResources: [{ Type: 'AWS::S3::Object', Values: [`${ids.docs}/`] }],
          },
        ],
      }),
    );

    const topic = await sns.send(
      new CreateTopicCommand({ Name: `${prefix}-alarms`, Attributes: { KmsMasterKeyId: keyArn } }),
    );
    ids.topic = topic.TopicArn ?? '';
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: logGroup,
        filterName: 'unauthorized-api-calls',
        filterPattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
        metricTransformations: [
          { metricNamespace: 'LexguardAudit', metricName: 'UnauthorizedApiCalls', metricValue: '1' },
        ],
      }),
    );
    ids['metric-filter'] = `${ids['log-group']}:metric-filter:unauthorized-api-calls`;
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: `${prefix}-unauthorized-api-calls`,
        Namespace: 'LexguardAudit',
        MetricName: 'UnauthorizedApiCalls',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [ids.topic],
      }),
    );
    ids.alarm = `arn:aws:cloudwatch:${region}:${MOTO_ACCOUNT}:alarm:${prefix}-unauthorized-api-calls`;

    const vault = await backup.send(
      new CreateBackupVaultCommand({ BackupVaultName: `${prefix}-vault`, EncryptionKeyArn: keyArn }),
    );
    ids.vault = vault.BackupVaultArn ?? '';
    await backup.send(
      new PutBackupVaultLockConfigurationCommand({
        BackupVaultName: `${prefix}-vault`,
        MinRetentionDays: 7,
        MaxRetentionDays: 3650,
      }),
    );
    const plan = await backup.send(
      new CreateBackupPlanCommand({
        BackupPlan: {
          BackupPlanName: `${prefix}-daily`,
          Rules: [
            {
              RuleName: 'daily',
              TargetBackupVaultName: `${prefix}-vault`,
              ScheduleExpression: 'cron(0 3 * * ? *)',
              Lifecycle: { DeleteAfterDays: 2557 },
              CopyActions: [
                {
                  DestinationBackupVaultArn: `arn:aws:backup:eu-central-1:${MOTO_ACCOUNT}:backup-vault:${prefix}-copy`,
                  Lifecycle: { DeleteAfterDays: 2557 },
                },
              ],
            },
          ],
        },
      }),
    );
    ids.plan = plan.BackupPlanArn ?? '';
    ids['plan-id'] = plan.BackupPlanId ?? '';

    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        PasswordReusePrevention: 24,
      }),
    );
    await iam.send(new CreateGroupCommand({ GroupName: `${prefix}-lawyers` }));
    ids.group = `arn:aws:iam::${MOTO_ACCOUNT}:group/${prefix}-lawyers`;
    const user = await iam.send(
      new CreateUserCommand({ UserName: `${prefix}-alice`, Tags: [{ Key: 'owner', Value: 'it' }] }),
    );
    ids.user = user.User?.Arn ?? '';
    await iam.send(
      new CreateLoginProfileCommand({ UserName: `${prefix}-alice`, Password: 'Correct-Horse-Battery-9' }),
    );
    await iam.send(new CreateAccessKeyCommand({ UserName: `${prefix}-alice` }));
    await iam.send(
      new AddUserToGroupCommand({ UserName: `${prefix}-alice`, GroupName: `${prefix}-lawyers` }),
    );
    await iam.send(
      new AttachUserPolicyCommand({
        UserName: `${prefix}-alice`,
        PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );
    ids['readonly-policy'] = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: `${prefix}-scanner`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
        MaxSessionDuration: 7200,
        // The audit scanner's role as LG-AUD-001 must catch it: its inline policy reads documents.
        Tags: [{ Key: 'lexguard:purpose', Value: 'audit-scanner' }],
      }),
    );
    ids.role = role.Role?.Arn ?? '';
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: `${prefix}-scanner`,
        PolicyName: 'read-docs',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${ids.docs}/*` }],
        }),
      }),
    );
    await control.send(
      new PutPublicAccessBlockCommand({
        AccountId: MOTO_ACCOUNT,
        PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
      }),
    );
    ids.account = `arn:aws:iam::${MOTO_ACCOUNT}:root`;
  } finally {
    for (const client of [s3, trails, backup, logs, cloudwatch, sns, iam, control]) client.destroy();
  }
}
