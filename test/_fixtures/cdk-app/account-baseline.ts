/**
 * What the document store needs around its buckets to meet the firm's policy as far as a template shows
 * it: the audit trail with its locked bucket, encrypted log group and the CIS alarms (CP-08, CP-09),
 * backups of the documents copied to the second approved region (CP-10), and the account password
 * policy (CP-05). Documents, logs and backups each have their own key (CP-03).
 */
import { Aws, Duration, type Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { IConstruct } from 'constructs';

/** How long client documents, and so their backups, and audit logs are kept: 7 years. */
const RETENTION = Duration.days(2555);

/** The CIS AWS Foundations Benchmark v3.0.0 patterns (4.1-4.5, 4.7, 4.8) the alarms watch for. */
const CIS_PATTERNS: Record<string, string> = {
  UnauthorizedApiCalls: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  ConsoleSignInWithoutMfa: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  RootUse:
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  IamPolicyChanges: `{${[
    'DeleteGroupPolicy',
    'DeleteRolePolicy',
    'DeleteUserPolicy',
    'PutGroupPolicy',
    'PutRolePolicy',
    'PutUserPolicy',
    'CreatePolicy',
    'DeletePolicy',
    'CreatePolicyVersion',
    'DeletePolicyVersion',
    'AttachRolePolicy',
    'DetachRolePolicy',
    'AttachUserPolicy',
    'DetachUserPolicy',
    'AttachGroupPolicy',
    'DetachGroupPolicy',
  ]
    .map((name) => `($.eventName=${name})`)
    .join('||')}}`,
  TrailChanges:
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  KeyDisableOrDeletion:
    '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}',
  BucketPolicyChanges: `{ ($.eventSource = s3.amazonaws.com) && (${[
    'PutBucketAcl',
    'PutBucketPolicy',
    'PutBucketCors',
    'PutBucketLifecycle',
    'PutBucketReplication',
    'DeleteBucketPolicy',
    'DeleteBucketCors',
    'DeleteBucketLifecycle',
    'DeleteBucketReplication',
  ]
    .map((name) => `($.eventName = ${name})`)
    .join(' || ')}) }`,
};

export interface BaselineProps {
  /** The documents bucket: its reads and writes are recorded, and it is backed up. */
  documents: s3.IBucket;
  /** Where the trail's bucket writes its server access logs. */
  accessLogs: s3.IBucket;
  classify: (scope: IConstruct, classification: string) => void;
}

export function accountBaseline(stack: Stack, props: BaselineProps): void {
  auditTrail(stack, props);
  backups(stack, props);
  passwordPolicy(stack);
}

function auditTrail(stack: Stack, { documents, accessLogs, classify }: BaselineProps): void {
  const logsKey = new kms.Key(stack, 'LogsKey', { enableKeyRotation: true });
  logsKey.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`));
  classify(logsKey, 'confidential');
  const trailBucket = new s3.Bucket(stack, 'TrailLogs', {
    encryptionKey: logsKey,
    bucketKeyEnabled: true,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    objectLockDefaultRetention: s3.ObjectLockRetention.compliance(RETENTION),
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'audit-trail/',
    lifecycleRules: [{ noncurrentVersionExpiration: RETENTION }],
  });
  classify(trailBucket, 'confidential');
  const auditLogs = new logs.LogGroup(stack, 'AuditLogs', {
    encryptionKey: logsKey,
    retention: logs.RetentionDays.SEVEN_YEARS,
  });
  const trail = new cloudtrail.Trail(stack, 'AuditTrail', {
    bucket: trailBucket,
    encryptionKey: logsKey,
    sendToCloudWatchLogs: true,
    cloudWatchLogGroup: auditLogs,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableFileValidation: true,
  });
  trail.addS3EventSelector([{ bucket: documents }], {
    readWriteType: cloudtrail.ReadWriteType.ALL,
    includeManagementEvents: true,
  });
  const topic = new sns.Topic(stack, 'SecurityAlarms', { masterKey: logsKey });
  for (const [name, pattern] of Object.entries(CIS_PATTERNS)) {
    const filter = new logs.MetricFilter(stack, `${name}Filter`, {
      logGroup: auditLogs,
      filterPattern: logs.FilterPattern.literal(pattern),
      metricNamespace: 'CISBenchmark',
      metricName: name,
      metricValue: '1',
    });
    filter
      .metric({ statistic: 'Sum', period: Duration.minutes(5) })
      .createAlarm(stack, `${name}Alarm`, {
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      })
      .addAlarmAction(new cwActions.SnsAction(topic));
  }
}

function backups(stack: Stack, { documents, classify }: BaselineProps): void {
  const backupsKey = new kms.Key(stack, 'BackupsKey', { enableKeyRotation: true });
  classify(backupsKey, 'confidential');
  const vault = new backup.BackupVault(stack, 'Vault', {
    encryptionKey: backupsKey,
    lockConfiguration: { minRetention: Duration.days(35), changeableFor: Duration.days(3) },
  });
  const copies = backup.BackupVault.fromBackupVaultArn(
    stack,
    'Copies',
    `arn:${Aws.PARTITION}:backup:eu-central-1:${Aws.ACCOUNT_ID}:backup-vault:document-copies`,
  );
  const plan = new backup.BackupPlan(stack, 'Plan', { backupVault: vault });
  plan.addRule(
    new backup.BackupPlanRule({
      ruleName: 'Daily',
      deleteAfter: RETENTION,
      copyActions: [{ destinationBackupVault: copies, deleteAfter: RETENTION }],
    }),
  );
  plan.addSelection('Documents', { resources: [backup.BackupResource.fromArn(documents.bucketArn)] });
}

function passwordPolicy(stack: Stack): void {
  new cr.AwsCustomResource(stack, 'PasswordPolicy', {
    onUpdate: {
      service: 'IAM',
      action: 'updateAccountPasswordPolicy',
      parameters: {
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        PasswordReusePrevention: 24,
        MaxPasswordAge: 90,
      },
      physicalResourceId: cr.PhysicalResourceId.of('password-policy'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    installLatestAwsSdk: false,
  });
}
