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

  test('--assume-roles, --drift and --organization add their own statements', async () => {
    const run = await runCli(['iam-policy', '--drift', '--organization', '--assume-roles']);
    const policy = JSON.parse(run.stdout) as IamPolicyDocument;
    expect(policy.Statement.map((statement) => statement.Sid)).toEqual([
      'LexguardLiveScanReadOnly',
      'LexguardAssumeScannerRoles',
      'LexguardOrganizationListing',
      'LexguardDriftReadOnly',
    ]);
    expect(policy.Statement[1].Action).toEqual(['sts:AssumeRole']);
    expect(policy.Statement[3].Action).toEqual([
      'cloudformation:DescribeStackResources',
      'cloudformation:GetTemplate',
    ]);
  });
});
