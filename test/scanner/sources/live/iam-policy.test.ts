import { runCli } from '../../../_helpers/cli';
import type { IamPolicyDocument } from '../../../../scanner/sources/live/iam-policy';
import { LIVE_CALLS } from '../../../../scanner/sources/live/calls';

/** Read-only verbs, plus the one call a scan cannot do without: generating the credential report. */
const READ_ONLY = /^[a-z0-9-]+:(Get|List|Describe)[A-Za-z]+$|^iam:GenerateCredentialReport$/;

describe('lexguard iam-policy', () => {
  test('prints a read-only policy that allows every call a live scan declares, and nothing for drift', async () => {
    const run = await runCli(['iam-policy']);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout) as IamPolicyDocument;
    const actions = policy.Statement.flatMap((statement) => statement.Action);
    expect(actions.filter((action) => !READ_ONLY.test(action))).toEqual([]);
    const scanActions = LIVE_CALLS.filter((call) => call.feature === 'scan').map((call) => call.action);
    expect(new Set(actions)).toEqual(new Set(scanActions));
    // S3 names the permission differently from the operation: the policy carries the permission.
    expect(actions).toContain('s3:GetEncryptionConfiguration');
    expect(actions).not.toContain('s3:GetBucketEncryption');
    expect(actions).not.toContain('cloudformation:GetTemplate');
    // A role being read must not be able to assume other roles (those trusting its account would open).
    expect(actions).not.toContain('sts:AssumeRole');
    expect(
      policy.Statement.every((statement) => statement.Effect === 'Allow' && statement.Resource === '*'),
    ).toBe(true);
  });

  test('--drift and --organization ROLE add their own statements', async () => {
    const run = await runCli(['iam-policy', '--drift', '--organization', 'lexguard-audit']);
    const policy = JSON.parse(run.stdout) as IamPolicyDocument;
    expect(policy.Statement.map((statement) => statement.Sid)).toEqual([
      'LexguardLiveScanReadOnly',
      'LexguardOrganizationListing',
      'LexguardAssumeScanRoles',
      'LexguardDriftReadOnly',
    ]);
    expect(policy.Statement[2].Action).toEqual(['sts:AssumeRole']);
    expect(policy.Statement[3].Action).toEqual([
      'cloudformation:DescribeStackResources',
      'cloudformation:GetTemplate',
    ]);
  });

  test('assumes only the roles named, never every role', async () => {
    const plain = JSON.parse((await runCli(['iam-policy'])).stdout) as IamPolicyDocument;
    expect(plain.Statement.flatMap((statement) => statement.Action)).not.toContain('sts:AssumeRole');
    const run = await runCli([
      'iam-policy',
      '--organization',
      'lexguard-audit',
      '--assume-role',
      'arn:aws:iam::210987654321:role/audit',
    ]);
    const policy = JSON.parse(run.stdout) as IamPolicyDocument;
    expect(policy.Statement.find((statement) => statement.Sid === 'LexguardAssumeScanRoles')).toEqual({
      Sid: 'LexguardAssumeScanRoles',
      Effect: 'Allow',
      Action: ['sts:AssumeRole'],
      Resource: ['arn:aws:iam::210987654321:role/audit', 'arn:aws:iam::*:role/lexguard-audit'],
    });
    const bare = await runCli(['iam-policy', '--organization']);
    expect(bare.stderr).toContain('name the role to assume (--organization ROLE-NAME)');
    const pattern = await runCli(['iam-policy', '--assume-role', 'arn:aws:iam::210987654321:role/*']);
    expect(pattern.code).toBe(2);
    const named = await runCli(['iam-policy', '--organization', 'team-*']);
    expect(named.code).toBe(2);
  });
});
