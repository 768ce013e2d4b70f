import type { Template } from 'aws-cdk-lib/assertions';
import { buildStore } from '../../_helpers/store-app';
import { asList, resourceAt, resourcesOf, statementsOf } from '../../_helpers/template-queries';

let template: Template;

beforeAll(() => {
  const store = buildStore();
  template = store.template(store.stacks.baseline);
});

describe('AccountBaselineStack', () => {
  it('sets the account password policy through a custom resource: 14 characters, every class, 24 remembered', () => {
    const [, resource] = resourceAt(template, 'Custom::AWS', '/AccountSettings/PasswordPolicy/');
    for (const phase of ['Create', 'Update']) {
      const call = JSON.parse(String(resource.Properties?.[phase])) as {
        action: string;
        parameters: Record<string, unknown>;
      };
      expect(call.action).toBe('updateAccountPasswordPolicy');
      expect(call.parameters).toMatchObject({
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        PasswordReusePrevention: 24,
      });
    }
    expect(resource.Properties?.Delete).toBeUndefined();
  });

  it('turns on all four S3 Block Public Access flags for the whole deploying account', () => {
    const [, resource] = resourceAt(template, 'Custom::AWS', '/AccountSettings/S3BlockPublicAccess/');
    const create = JSON.stringify(resource.Properties?.Create);
    expect(create).toContain('putPublicAccessBlock');
    expect(create).toContain(
      '{\\"BlockPublicAcls\\":true,\\"IgnorePublicAcls\\":true,\\"BlockPublicPolicy\\":true,\\"RestrictPublicBuckets\\":true}',
    );
    expect(create).toContain('{"Ref":"AWS::AccountId"}');
  });

  it('lets the account-settings function make only those two calls and write its own encrypted logs', () => {
    const [, permissions] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/AccountSettings/Permissions/');
    const actions = statementsOf(permissions.Properties?.PolicyDocument).flatMap((statement) =>
      asList(statement.Action),
    );
    expect(actions.sort()).toEqual([
      'iam:UpdateAccountPasswordPolicy',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:PutAccountPublicAccessBlock',
    ]);
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/example-llp-account-settings',
      KmsKeyId: { 'Fn::GetAtt': [resourceAt(template, 'AWS::KMS::Key', '/AuditLogsKey/')[0], 'Arn'] },
    });
  });

  it('has one group per firm role, under the MFA-enforcing deny, allowed to switch only to its own role', () => {
    const [mfaPolicy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/RequireMfa/');
    const groups = resourcesOf(template, 'AWS::IAM::Group');
    expect(
      Object.values(groups)
        .map((group) => group.Properties?.GroupName)
        .sort(),
    ).toEqual(
      ['Associate', 'Auditor', 'BreakGlass', 'Paralegal', 'Partner', 'RecordsManager'].map(
        (role) => `example-llp-${role}`,
      ),
    );
    for (const [groupId, group] of Object.entries(groups)) {
      expect(group.Properties?.ManagedPolicyArns).toContainEqual({ Ref: mfaPolicy });
      expect(group.Properties?.Policies).toBeUndefined();
      const roleName = String(group.Properties?.GroupName).replace('example-llp-', '');
      const switches = Object.values(resourcesOf(template, 'AWS::IAM::ManagedPolicy')).filter((policy) =>
        asList(policy.Properties?.Groups).some(
          (ref) => JSON.stringify(ref) === JSON.stringify({ Ref: groupId }),
        ),
      );
      expect(switches).toHaveLength(1);
      expect(statementsOf(switches[0].Properties?.PolicyDocument)).toEqual([
        expect.objectContaining({
          Action: 'sts:AssumeRole',
          Resource: `arn:aws:iam::111122223333:role/example-llp/${roleName}`,
        }),
      ]);
    }
  });

  it('lets people set up MFA before anything else, and nothing else without it', () => {
    const [, policy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/RequireMfa/');
    const [deny] = statementsOf(policy.Properties?.PolicyDocument);
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    });
    expect(asList(deny.NotAction)).toEqual(
      expect.arrayContaining(['iam:EnableMFADevice', 'iam:CreateVirtualMFADevice', 'sts:GetSessionToken']),
    );
    expect(
      asList(deny.NotAction).some((action) => action.startsWith('s3:') || action.startsWith('kms:')),
    ).toBe(false);
  });

  it('creates the role AWS Backup acts as, at the name and path the backup keys name', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'example-llp-backup',
      Path: '/example-llp/',
      AssumeRolePolicyDocument: {
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } },
        ],
      },
    });
  });
});
