import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AccountSettings } from '../../../lib/constructs/account-settings';
import { DocumentBackups } from '../../../lib/constructs/document-backups';
import { EncryptedLogGroup } from '../../../lib/constructs/encrypted-log-group';
import { FirmKey } from '../../../lib/constructs/firm-key';
import { FirmRole } from '../../../lib/constructs/firm-role';
import { HardenedBucket } from '../../../lib/constructs/hardened-bucket';
import { LockedVault } from '../../../lib/constructs/locked-vault';
import { lexguardErrorOf } from '../../_helpers/errors';

const stack = (): Stack =>
  new Stack(new App(), 'Store', { env: { account: '111122223333', region: 'eu-west-1' } });
const key = (scope: Stack, deletionWindowDays = 30): FirmKey =>
  new FirmKey(scope, 'Key', {
    purpose: 'backups',
    aliasPrefix: 'firm',
    description: 'test',
    rotation: true,
    deletionWindowDays,
  });
const privateBucket = { enforceTls: true, blockPublicAccess: true, disableAcls: true } as const;

/** Each construct refuses, while the app is built, a combination of props that cannot be secure. */
const CASES: Array<[string, (scope: Stack) => unknown, RegExp]> = [
  [
    'Object Lock without versioning',
    (s) =>
      new HardenedBucket(s, 'Docs', {
        ...privateBucket,
        encryption: { kind: 'S3_MANAGED' },
        versioning: false,
        objectLock: { mode: 'GOVERNANCE', days: 30 },
      }),
    /Store\/Docs: Object Lock needs versioning/,
  ],
  [
    'objects expiring before their lock ends',
    (s) =>
      new HardenedBucket(s, 'Docs', {
        ...privateBucket,
        encryption: { kind: 'S3_MANAGED' },
        objectLock: { mode: 'GOVERNANCE', days: 30 },
        currentVersionExpiryDays: 10,
      }),
    /objects would expire after 10 days, before their Object Lock retention of 30 days ends/,
  ],
  [
    'old versions expiring before their lock ends',
    (s) =>
      new HardenedBucket(s, 'Docs', {
        ...privateBucket,
        encryption: { kind: 'S3_MANAGED' },
        objectLock: { mode: 'COMPLIANCE', days: 30 },
        noncurrentVersionExpiryDays: 1,
      }),
    /old versions would be set to expire after 1 days/,
  ],
  [
    'a key deletion window outside 7 to 30 days',
    (s) => key(s, 3),
    /deletionWindowDays must be a whole number of days from 7 to 30, not 3/,
  ],
  [
    'a vault lock whose minimum exceeds its maximum',
    (s) =>
      new LockedVault(s, 'Vault', {
        vaultName: 'documents',
        key: key(s),
        backupRole: new iam.AccountRootPrincipal(),
        lock: { minRetentionDays: 90, maxRetentionDays: 30 },
      }),
    /minimum retention \(90 days\) exceeds its maximum \(30 days\)/,
  ],
  [
    'backups kept shorter as they get rarer',
    (s) =>
      new DocumentBackups(s, 'Backups', {
        planName: 'p',
        vault: new LockedVault(s, 'Vault', {
          vaultName: 'documents',
          key: key(s),
          backupRole: new iam.AccountRootPrincipal(),
        }).vault,
        retention: { dailyDays: 35, weeklyDays: 14, monthlyDays: 365 },
        selectionTag: { key: 'k', value: 'v' },
        role: iam.Role.fromRoleName(s, 'Role', 'backup'),
      }),
    /retention must grow from daily to weekly to monthly recovery points, not 35, 14 and 365 days/,
  ],
  [
    'an administrator role under a boundary',
    (s) =>
      new FirmRole(s, 'Admin', {
        roleName: 'Admin',
        path: '/firm/',
        description: 'admin',
        maxSessionHours: 1,
        trustRequiresMfa: true,
        boundary: iam.ManagedPolicy.fromManagedPolicyName(s, 'Boundary', 'boundary'),
        statements: [],
        awsManagedPolicies: ['AdministratorAccess'],
      }),
    /administrator role Admin cannot be a delegated role under a boundary/,
  ],
  [
    'a role that grants nothing',
    (s) =>
      new FirmRole(s, 'Empty', {
        roleName: 'Empty',
        path: '/firm/',
        description: 'x',
        maxSessionHours: 1,
        trustRequiresMfa: true,
        statements: [],
      }),
    /the role Empty would grant nothing/,
  ],
  [
    'passwords shorter than 14 characters',
    (s) =>
      new AccountSettings(s, 'Account', {
        functionName: 'f',
        passwordPolicy: { minimumLength: 8, reusePrevention: 24, maxAgeDays: 0 },
        blockPublicAccess: true,
        logs: { retentionDays: 30 },
      }),
    /minimumLength must be 14 to 128 characters \(CP-05\), not 8/,
  ],
  [
    'a log retention CloudWatch Logs cannot keep',
    (s) => new EncryptedLogGroup(s, 'Logs', { logGroupName: '/firm/logs', retentionDays: 5000 }),
    /CloudWatch Logs cannot keep events for 5000 days; the longest set period is 3653 days/,
  ],
  [
    'a key policy statement id used twice',
    (s) => {
      const shared = key(s);
      const logs = new iam.ServicePrincipal('logs.amazonaws.com');
      shared.allowUse('LogsEncrypt', [logs], ['kms:Encrypt']);
      shared.allowUse('LogsEncrypt', [logs], ['kms:Decrypt']);
    },
    /Store\/Key: the key policy already has a statement LogsEncrypt/,
  ],
];

describe('constructs refuse insecure combinations of props', () => {
  it.each(CASES)('%s', (_name, build, message) => {
    const error = lexguardErrorOf(() => build(stack()));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(message);
  });
});

describe('EncryptedLogGroup', () => {
  it('names its key policy statement by its place in the stack, so groups of the same id can share a key', () => {
    const s = stack();
    const shared = key(s);
    for (const step of ['Collect', 'Judge']) {
      new EncryptedLogGroup(new Construct(s, step), 'Logs', {
        logGroupName: `/firm/${step}`,
        retentionDays: 30,
        key: shared,
      });
    }
    const policy = s.resolve((shared.key.node.defaultChild as kms.CfnKey).keyPolicy) as {
      Statement: Array<{ Sid: string }>;
    };
    expect(
      policy.Statement.map((statement) => statement.Sid).filter((sid) => sid.startsWith('Logs')),
    ).toEqual(['LogsEncryptCollectLogs', 'LogsEncryptJudgeLogs']);
  });

  it('keeps events for the shortest CloudWatch Logs period that is at least the required retention', () => {
    const s = stack();
    const group = new EncryptedLogGroup(s, 'Logs', { logGroupName: '/firm/logs', retentionDays: 2555 });
    expect(s.resolve((group.logGroup.node.defaultChild as logs.CfnLogGroup).retentionInDays)).toBe(2557);
  });
});
