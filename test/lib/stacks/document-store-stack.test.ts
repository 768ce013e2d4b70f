import { Match, type Template } from 'aws-cdk-lib/assertions';
import { securityEvents } from '../../../lib/constructs/security-events';
import { buildStore, type BuiltStore } from '../../_helpers/store-app';
import {
  arnOf,
  asList,
  keyByAlias,
  resourceAt,
  resourcesOf,
  statementsOf,
  tagsOf,
  type CfnResource,
  type PolicyStatementJson,
} from '../../_helpers/template-queries';

let store: BuiltStore;
let template: Template;
let buckets: Record<string, CfnResource>;

beforeAll(() => {
  store = buildStore();
  template = store.template(store.stacks.store);
  buckets = resourcesOf(template, 'AWS::S3::Bucket');
});

const documentBucketIds = (): string[] =>
  Object.keys(buckets).filter((id) => tagsOf(buckets[id])['backup-plan'] === 'client-documents');

const bucketIdTagged = (classification: string): string => {
  const id = documentBucketIds().find(
    (candidate) => tagsOf(buckets[candidate])['data-classification'] === classification,
  );
  if (!id) throw new Error(`no document bucket tagged ${classification}`);
  return id;
};

const keyPolicy = (alias: string): PolicyStatementJson[] =>
  statementsOf(resourcesOf(template, 'AWS::KMS::Key')[keyByAlias(template, alias)].Properties?.KeyPolicy);

const roleId = (name: string): string => resourceAt(template, 'AWS::IAM::Role', `/FirmRoles/${name}/`)[0];

describe('keys (CP-01, CP-03)', () => {
  it('has one rotating, retained key per purpose with a 30-day deletion window', () => {
    const keys = resourcesOf(template, 'AWS::KMS::Key');
    for (const purpose of ['documents', 'audit-logs', 'backups', 'alerts']) {
      const key = keys[keyByAlias(template, `alias/example-llp/${purpose}`)];
      expect(key.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
      expect([key.DeletionPolicy, key.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    }
    expect(Object.keys(keys)).toHaveLength(4);
  });

  it('classifies each key by the most sensitive data it protects, and names its owner (CP-13)', () => {
    const keys = resourcesOf(template, 'AWS::KMS::Key');
    const classificationOf = (alias: string): string =>
      tagsOf(keys[keyByAlias(template, alias)])['data-classification'];
    expect(classificationOf('alias/example-llp/documents')).toBe('privileged');
    expect(classificationOf('alias/example-llp/backups')).toBe('privileged');
    expect(classificationOf('alias/example-llp/audit-logs')).toBe('confidential');
    expect(classificationOf('alias/example-llp/alerts')).toBe('internal');
    for (const key of Object.values(keys)) expect(tagsOf(key).owner).toBe('records@example-llp.com');
  });

  it('names every principal in every key policy, and lets no one administer a key into decrypting', () => {
    for (const purpose of ['documents', 'audit-logs', 'backups', 'alerts']) {
      for (const statement of keyPolicy(`alias/example-llp/${purpose}`)) {
        expect(JSON.stringify(statement.Principal)).not.toMatch(/"\*"/);
        if (statement.Sid === 'AccountAdministersKey') {
          expect(
            asList(statement.Action).filter((action) => /Decrypt|Encrypt|GenerateDataKey/.test(action)),
          ).toEqual([]);
        }
      }
    }
  });

  it('lets only the roles whose need-to-know reaches documents use the documents key, and only through S3', () => {
    const users = keyPolicy('alias/example-llp/documents').filter((statement) =>
      statement.Sid?.startsWith('FirmRoles'),
    );
    const principals = users.flatMap((statement) => asList((statement.Principal as { AWS: unknown }).AWS));
    expect(principals).toEqual(
      expect.arrayContaining([
        arnOf(roleId('Partner')),
        arnOf(roleId('Associate')),
        arnOf(roleId('Paralegal')),
      ]),
    );
    for (const absent of ['RecordsManager', 'Auditor', 'BreakGlass'])
      expect(principals).not.toContainEqual(arnOf(roleId(absent)));
    for (const statement of users)
      expect(statement.Condition?.StringEquals?.['kms:ViaService']).toBe('s3.eu-west-1.amazonaws.com');
  });

  it('lets CloudTrail, CloudWatch Logs and the auditor use the audit key, each for its own purpose', () => {
    const statements = keyPolicy('alias/example-llp/audit-logs');
    const trail = statements.find((statement) => statement.Sid === 'CloudTrailEncryptsLogFiles');
    expect(trail?.Principal).toEqual({ Service: 'cloudtrail.amazonaws.com' });
    expect(trail?.Condition?.StringEquals?.['aws:SourceArn']).toMatch(/:trail\/example-llp-audit$/);
    const logs = statements.find(
      (statement) => statement.Principal && JSON.stringify(statement.Principal).includes('logs.'),
    );
    expect(logs?.Condition?.ArnEquals?.['kms:EncryptionContext:aws:logs:arn']).toMatch(
      /log-group:\/example-llp-audit\/cloudtrail$/,
    );
    const auditors = statements.find((statement) => statement.Sid === 'AuditorsReadLogs');
    expect(auditors?.Principal).toEqual({ AWS: arnOf(roleId('Auditor')) });
    expect(auditors?.Action).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
  });
});

describe('document buckets (CP-01, CP-02, CP-07, CP-08, CP-11, CP-13)', () => {
  it('keeps one bucket per configured classification', () => {
    expect(
      documentBucketIds()
        .map((id) => tagsOf(buckets[id])['data-classification'])
        .sort(),
    ).toEqual(['confidential', 'internal', 'privileged']);
  });

  it('encrypts documents with the documents key and S3 Bucket Keys, and refuses client-provided keys', () => {
    const documentsKey = keyByAlias(template, 'alias/example-llp/documents');
    for (const id of documentBucketIds()) {
      expect(buckets[id].Properties?.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] },
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(documentsKey) },
          },
        ],
      });
    }
  });

  it('Object-Locks confidential and privileged records for the retention period, not internal ones', () => {
    for (const classification of ['confidential', 'privileged']) {
      expect(buckets[bucketIdTagged(classification)].Properties).toMatchObject({
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 2555 } },
        },
      });
    }
    expect(buckets[bucketIdTagged('internal')].Properties?.ObjectLockEnabled).toBeUndefined();
  });

  it('keeps old versions for the retention period, then expires them, and never expires current documents', () => {
    for (const id of documentBucketIds()) {
      const rules = (
        buckets[id].Properties?.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }
      ).Rules;
      expect(rules).toEqual([
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 2555 }, Status: 'Enabled' }),
      ]);
      expect(rules[0].ExpirationInDays).toBeUndefined();
    }
  });

  it('writes server access logs to the access-log bucket, each bucket under its own prefix', () => {
    const [logBucket] = resourceAt(template, 'AWS::S3::Bucket', '/AccessLogs/');
    const prefixes = documentBucketIds().map((id) => {
      const logging = buckets[id].Properties?.LoggingConfiguration as {
        DestinationBucketName: unknown;
        LogFilePrefix: string;
      };
      expect(logging.DestinationBucketName).toEqual({ Ref: logBucket });
      return logging.LogFilePrefix;
    });
    expect(new Set(prefixes).size).toBe(documentBucketIds().length);
  });

  it('tags every bucket of the stack with an allowed classification and its owner', () => {
    for (const bucket of Object.values(buckets)) {
      expect(['internal', 'confidential', 'privileged']).toContain(tagsOf(bucket)['data-classification']);
      expect(tagsOf(bucket).owner).toBe('records@example-llp.com');
    }
  });
});

describe('every bucket (CP-02, CP-07, CP-10)', () => {
  it('is versioned, private, without ACLs, and retained with the stack', () => {
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
  });

  it('refuses plain HTTP and TLS below 1.2 in its bucket policy', () => {
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
    expect(policies.map((policy) => (policy.Properties?.Bucket as { Ref: string }).Ref).sort()).toEqual(
      Object.keys(buckets).sort(),
    );
    for (const policy of policies) {
      const denies = statementsOf(policy.Properties?.PolicyDocument).filter(
        (statement) => statement.Effect === 'Deny',
      );
      expect(denies).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
          }),
        ]),
      );
    }
  });

  it('uses SSE-S3 only for the access-log bucket, where S3 allows nothing else', () => {
    const sseS3 = Object.entries(buckets).filter(([, bucket]) =>
      JSON.stringify(bucket.Properties?.BucketEncryption).includes('AES256'),
    );
    expect(sseS3.map(([id]) => id)).toEqual([resourceAt(template, 'AWS::S3::Bucket', '/AccessLogs/')[0]]);
  });
});

describe('audit trail (CP-08)', () => {
  it('records every region with validated, KMS-encrypted log files delivered to CloudWatch Logs', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'example-llp-audit',
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: arnOf(keyByAlias(template, 'alias/example-llp/audit-logs')),
      CloudWatchLogsLogGroupArn: Match.anyValue(),
    });
  });

  it('records object reads and writes in every document bucket', () => {
    const [, trail] = resourceAt(template, 'AWS::CloudTrail::Trail', '/AuditTrail/');
    const selectors = trail.Properties?.EventSelectors as Array<{
      DataResources?: Array<{ Type: string; Values: unknown[] }>;
      ReadWriteType: string;
    }>;
    const dataSelector = selectors.find((selector) => selector.DataResources);
    expect(dataSelector?.ReadWriteType).toBe('All');
    const covered = JSON.stringify(dataSelector?.DataResources);
    for (const id of documentBucketIds()) expect(covered).toContain(`"${id}","Arn"`);
  });

  it('delivers to its own bucket: KMS-encrypted, versioned and Object-Locked for the audit retention', () => {
    const [, trail] = resourceAt(template, 'AWS::CloudTrail::Trail', '/AuditTrail/');
    const trailBucket = buckets[(trail.Properties?.S3BucketName as { Ref: string }).Ref];
    expect(trailBucket.Properties).toMatchObject({
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 2555 } } },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(JSON.stringify(trailBucket.Properties?.BucketEncryption)).toContain(
      keyByAlias(template, 'alias/example-llp/audit-logs'),
    );
  });

  it('keeps its log group encrypted with the audit key for at least the audit retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/example-llp-audit/cloudtrail',
      KmsKeyId: arnOf(keyByAlias(template, 'alias/example-llp/audit-logs')),
      RetentionInDays: 2557,
    });
  });
});

describe('security alarms (CP-09)', () => {
  it('counts every suspicious event with a metric filter on the trail log group, and alarms on it', () => {
    const filters = Object.values(resourcesOf(template, 'AWS::Logs::MetricFilter'));
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    const [topicId] = resourceAt(template, 'AWS::SNS::Topic', '/Alerts/');
    for (const event of securityEvents('BreakGlass')) {
      const filter = filters.find((candidate) => candidate.Properties?.FilterPattern === event.pattern);
      expect(filter?.Properties?.LogGroupName).toEqual({
        Ref: resourceAt(template, 'AWS::Logs::LogGroup', '/AuditTrail/')[0],
      });
      const alarm = alarms.find((candidate) => candidate.Properties?.MetricName === event.id);
      expect(alarm?.Properties).toMatchObject({ Threshold: 1, AlarmActions: [{ Ref: topicId }] });
    }
    expect(securityEvents('BreakGlass').map((event) => event.id)).toEqual(
      expect.arrayContaining([
        'UnauthorizedApiCalls',
        'ConsoleSignInWithoutMfa',
        'RootAccountUse',
        'IamPolicyChanges',
        'KmsKeyDisabledOrScheduledForDeletion',
        'BucketPolicyChanges',
        'CloudTrailChanges',
      ]),
    );
  });

  it('notifies an alerts-key-encrypted, TLS-only topic subscribed by the configured address', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: arnOf(keyByAlias(template, 'alias/example-llp/alerts')),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'security@example-llp.com',
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('backups (CP-10)', () => {
  it('keeps recovery points in a vault encrypted with the backups key and locked to the plan retention', () => {
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'example-llp-documents',
      EncryptionKeyArn: arnOf(keyByAlias(template, 'alias/example-llp/backups')),
      LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 2555 },
    });
  });

  it('backs up daily, weekly and monthly, copying each recovery point to the off-site vault in the second region', () => {
    const [, plan] = resourceAt(template, 'AWS::Backup::BackupPlan', '/Backups/');
    const rules = (plan.Properties?.BackupPlan as { BackupPlanRule: Array<Record<string, unknown>> })
      .BackupPlanRule;
    expect(
      rules.map((rule) => [rule.RuleName, (rule.Lifecycle as { DeleteAfterDays: number }).DeleteAfterDays]),
    ).toEqual([
      ['Daily', 35],
      ['Weekly', 91],
      ['Monthly', 2555],
    ]);
    for (const rule of rules) {
      expect(JSON.stringify(rule.CopyActions)).toContain(
        ':backup:eu-central-1:111122223333:backup-vault:example-llp-documents-offsite',
      );
    }
  });

  it('selects by the tag every document bucket carries', () => {
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: {
        ListOfTags: [
          { ConditionType: 'STRINGEQUALS', ConditionKey: 'backup-plan', ConditionValue: 'client-documents' },
        ],
        IamRoleArn: Match.stringLikeRegexp(':role/example-llp/example-llp-backup$'),
      },
    });
    expect(documentBucketIds()).toHaveLength(3);
  });
});

describe('firm roles (CP-04, CP-05)', () => {
  const firmRoles = (): Record<string, CfnResource> =>
    Object.fromEntries(
      Object.entries(resourcesOf(template, 'AWS::IAM::Role')).filter(
        ([, role]) => role.Properties?.Path === '/example-llp/',
      ),
    );
  const accessPolicyOf = (name: string): PolicyStatementJson[] => {
    const [, policy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', `/FirmRoles/${name}/Access/`);
    return statementsOf(policy.Properties?.PolicyDocument);
  };

  it('has one role per firm role, each assumable only with a recent MFA sign-in, for one-hour sessions', () => {
    const roles = firmRoles();
    expect(
      Object.values(roles)
        .map((role) => role.Properties?.RoleName)
        .sort(),
    ).toEqual(['Associate', 'Auditor', 'BreakGlass', 'Paralegal', 'Partner', 'RecordsManager']);
    for (const role of Object.values(roles)) {
      expect(role.Properties?.MaxSessionDuration).toBe(3600);
      expect(statementsOf(role.Properties?.AssumeRolePolicyDocument)).toEqual([
        expect.objectContaining({
          Action: 'sts:AssumeRole',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Condition: {
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
          },
        }),
      ]);
    }
  });

  it('puts every firm role under the MFA-enforcing deny and keeps no policy inline', () => {
    const [mfaPolicy, policy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/RequireMfa/');
    expect(statementsOf(policy.Properties?.PolicyDocument)).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    ]);
    for (const role of Object.values(firmRoles())) {
      expect(role.Properties?.ManagedPolicyArns).toContainEqual({ Ref: mfaPolicy });
      expect(role.Properties?.Policies).toBeUndefined();
    }
    const inline = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap((policy) =>
      asList(policy.Properties?.Roles),
    );
    for (const id of Object.keys(firmRoles())) expect(inline).not.toContainEqual({ Ref: id });
  });

  it('bounds every delegated role with the permissions boundary, and only the break-glass role with none', () => {
    const [boundary] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/Boundary/');
    for (const role of Object.values(firmRoles())) {
      if (role.Properties?.RoleName === 'BreakGlass') {
        expect(role.Properties?.PermissionsBoundary).toBeUndefined();
        expect(JSON.stringify(role.Properties?.ManagedPolicyArns)).toContain(
          ':iam::aws:policy/AdministratorAccess',
        );
      } else {
        expect(role.Properties?.PermissionsBoundary).toEqual({ Ref: boundary });
      }
    }
  });

  it('gives each role access to the matters of the classifications it needs to know, and no others', () => {
    const reached = (name: string): string[] =>
      documentBucketIds()
        .filter((id) => JSON.stringify(accessPolicyOf(name)).includes(`"${id}","Arn"`))
        .map((id) => tagsOf(buckets[id])['data-classification'])
        .sort();
    expect(reached('Partner')).toEqual(['confidential', 'internal', 'privileged']);
    expect(reached('Associate')).toEqual(['confidential', 'internal', 'privileged']);
    expect(reached('Paralegal')).toEqual(['confidential', 'internal']);
    expect(reached('Auditor')).toEqual([]);
    for (const statement of accessPolicyOf('Paralegal')) {
      if (asList(statement.Action).includes('s3:GetObject'))
        expect(JSON.stringify(statement.Resource)).toContain('/matters/*');
    }
  });

  it('lets records managers manage retention and legal holds without reading contents', () => {
    const actions = accessPolicyOf('RecordsManager').flatMap((statement) => asList(statement.Action));
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObjectRetention', 's3:PutObjectLegalHold']));
    expect(actions).not.toContain('s3:GetObject');
  });

  it('defines no IAM users in any stack: people are added to groups, never given policies of their own', () => {
    for (const stack of Object.values(store.stacks))
      store.template(stack).resourceCountIs('AWS::IAM::User', 0);
  });
});
