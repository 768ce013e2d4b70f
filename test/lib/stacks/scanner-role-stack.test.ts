import type { Template } from 'aws-cdk-lib/assertions';
import { buildAudit, type BuiltAudit } from '../../_helpers/audit-app';
import { runCli } from '../../_helpers/cli';
import {
  asList,
  resourceAt,
  resourcesOf,
  statementsOf,
  tagsOf,
  type CfnResource,
} from '../../_helpers/template-queries';

/** The policy `lexguard iam-policy` prints, as a user would get it. */
async function printedPolicy(): Promise<unknown> {
  const run = await runCli(['iam-policy']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as unknown;
}

/** What a scanner role's template grants and whom it trusts. */
function scannerRoleOf(template: Template): { role: CfnResource; policy: CfnResource } {
  const [roleId, role] = resourceAt(template, 'AWS::IAM::Role', '/Scanner/Role/');
  const [, policy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/Scanner/ReadOnly/');
  expect(policy.Properties?.Roles).toEqual([{ Ref: roleId }]);
  // Nothing else in the stack grants anything.
  expect(Object.keys(resourcesOf(template, 'AWS::IAM::Policy'))).toEqual([]);
  expect(role.Properties?.Policies).toBeUndefined();
  expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
  return { role, policy };
}

/**
 * A template synthesized without an environment (the StackSet's) builds ARNs from `AWS::Partition`;
 * read in the commercial partition, they are the plain ARNs a stack with an environment has.
 */
function inPartitionAws(value: unknown): unknown {
  const text = JSON.stringify(value).replace(
    /\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},"([^"]*)"\]\]\}/g,
    '"arn:aws$1"',
  );
  return JSON.parse(text) as unknown;
}

function expectTrustsOnlyTheCollector(role: CfnResource, auditAccount: string): void {
  expect(inPartitionAws(statementsOf(role.Properties?.AssumeRolePolicyDocument))).toEqual([
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { AWS: `arn:aws:iam::${auditAccount}:root` },
      Condition: {
        ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${auditAccount}:role/example-llp-audit-collector` },
      },
    },
  ]);
}

describe('the scanner role stack (one per account)', () => {
  let built: BuiltAudit;
  let scanner: { role: CfnResource; policy: CfnResource };
  beforeAll(() => {
    built = buildAudit({
      audit: { account: '999988887777', accounts: ['111122223333', '444455556666'] },
    });
    scanner = scannerRoleOf(built.template('ExampleLlpScannerRole444455556666'));
  });

  it('is deployed to every listed account, in the audit region', () => {
    expect(Object.keys(built.stacks.scannerRoles).sort()).toEqual(['111122223333', '444455556666']);
    for (const [account, stack] of Object.entries(built.stacks.scannerRoles)) {
      expect([stack.account, stack.region]).toEqual([account, 'eu-west-1']);
    }
  });

  it('trusts only the audit account’s collect function role, whose name the audit stack fixes', () => {
    expectTrustsOnlyTheCollector(scanner.role, '999988887777');
    const [, collector] = resourceAt(
      built.template('ExampleLlpAuditScanner'),
      'AWS::IAM::Role',
      '/Steps/CollectRegion/Role/',
    );
    expect(collector.Properties?.RoleName).toBe('example-llp-audit-collector');
    expect(scanner.role.Properties).toMatchObject({ RoleName: 'lexguard-scanner', MaxSessionDuration: 3600 });
  });

  it('grants exactly what `lexguard iam-policy` prints: reads, no write, no s3:GetObject', async () => {
    expect(scanner.policy.Properties?.PolicyDocument).toEqual(await printedPolicy());
    const actions = statementsOf(scanner.policy.Properties?.PolicyDocument).flatMap((s) => asList(s.Action));
    // The one action not named Get, List or Describe only asks IAM to build the credential report.
    expect(actions.filter((action) => !/^[a-z0-9-]+:(Get|List|Describe)/.test(action))).toEqual([
      'iam:GenerateCredentialReport',
    ]);
    expect(actions.filter((action) => action.includes('*') || /^s3:GetObject/.test(action))).toEqual([]);
    expect(actions).not.toContain('sts:AssumeRole');
  });

  it('is tagged as the audit scanner role, the tag rules read to hold it to read-only', () => {
    expect(tagsOf(scanner.role)).toMatchObject({ 'lexguard:purpose': 'audit-scanner' });
  });
});

describe('the scanner role StackSet (organization)', () => {
  let built: BuiltAudit;
  let stackSet: CfnResource;
  beforeAll(() => {
    built = buildAudit({
      audit: {
        organization: true,
        stackSet: { organizationalUnitIds: ['ou-ab12-cdefgh34'], callAs: 'DELEGATED_ADMIN' },
      },
    });
    [, stackSet] = resourceAt(
      built.template('ExampleLlpAuditScanner'),
      'AWS::CloudFormation::StackSet',
      '/ScannerRoles/',
    );
  });

  it('deploys to every account of the organizational units, and to accounts that join them', () => {
    expect(stackSet.Properties).toMatchObject({
      PermissionModel: 'SERVICE_MANAGED',
      CallAs: 'DELEGATED_ADMIN',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      StackInstancesGroup: [
        { DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-cdefgh34'] }, Regions: ['eu-west-1'] },
      ],
    });
    // A service-managed StackSet never reaches the management account: the app deploys that one.
    expect(Object.keys(built.stacks.scannerRoles)).toEqual(['111122223333']);
  });

  it('carries the same role as the per-account stack, with no CDK bootstrap parameter', async () => {
    const body = JSON.parse(String(stackSet.Properties?.TemplateBody)) as {
      Resources: Record<string, CfnResource>;
      Parameters?: Record<string, unknown>;
    };
    expect(body.Parameters ?? {}).toEqual({});
    const roles = Object.values(body.Resources).filter((r) => r.Type === 'AWS::IAM::Role');
    const policies = Object.values(body.Resources).filter((r) => r.Type === 'AWS::IAM::ManagedPolicy');
    expect([roles.length, policies.length]).toEqual([1, 1]);
    expectTrustsOnlyTheCollector(roles[0], '111122223333');
    expect(tagsOf(roles[0])).toMatchObject({ 'lexguard:purpose': 'audit-scanner' });
    expect(policies[0].Properties?.PolicyDocument).toEqual(await printedPolicy());
  });

  it('lets list-targets list the organization’s accounts, and the collector assume the role by name anywhere', () => {
    const template = built.template('ExampleLlpAuditScanner');
    const [, list] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/Steps/ListTargets/Policy/');
    expect(
      statementsOf(list.Properties?.PolicyDocument).find((s) => s.Sid === 'ListOrganizationAccounts'),
    ).toMatchObject({
      Action: 'organizations:ListAccounts',
      Resource: '*',
    });
    const [, collect] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/Steps/CollectRegion/Policy/');
    expect(
      statementsOf(collect.Properties?.PolicyDocument).find((s) => s.Sid === 'AssumeScannerRoles'),
    ).toMatchObject({
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::*:role/lexguard-scanner',
    });
  });
});
