import type { Account } from '../../../../scanner/model/account';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const PROVIDER = { 'Fn::GetAtt': ['Provider', 'Arn'] };

/** An `AwsCustomResource` as CDK writes it: the calls as JSON strings. */
function sdkCall(create?: unknown, update?: unknown): Record<string, unknown> {
  const text = (call: unknown): unknown =>
    typeof call === 'object' && call !== null && !('Fn::Join' in call) ? JSON.stringify(call) : call;
  return resource('Custom::AWS', {
    ServiceToken: PROVIDER,
    ...(create === undefined ? {} : { Create: text(create) }),
    ...(update === undefined ? {} : { Update: text(update) }),
  });
}

const passwordPolicy = (
  parameters: Record<string, unknown>,
  service = 'IAM',
  action = 'updateAccountPasswordPolicy',
) => ({
  service,
  action,
  parameters,
  physicalResourceId: { id: 'password-policy' },
});

function accountOf(resources: Record<string, unknown>, pseudo: { accountId?: string } = {}): Account {
  return modelOfResources({ Provider: resource('AWS::Lambda::Function'), ...resources }, pseudo).model
    .accounts['T/account'];
}

describe('account settings written through CDK’s AwsCustomResource (Custom::AWS)', () => {
  it('leave the password policy unknown when the template does not set it', () => {
    expect(accountOf({}).password_policy).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/scan the live account/),
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'every parameter',
      {
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        PasswordReusePrevention: 24,
        MaxPasswordAge: 90,
      },
      {
        minimum_length: 14,
        require_symbols: true,
        require_numbers: true,
        require_uppercase: true,
        require_lowercase: true,
        reuse_prevention: 24,
        max_age_days: 90,
      },
    ],
    [
      'some parameters (the call resets the others to IAM’s defaults)',
      { MinimumPasswordLength: 14, RequireSymbols: true },
      {
        minimum_length: 14,
        require_symbols: true,
        require_numbers: false,
        require_uppercase: false,
        require_lowercase: false,
        reuse_prevention: 0,
        max_age_days: 0,
      },
    ],
  ])('read the password policy from updateAccountPasswordPolicy with %s', (_name, parameters, expected) => {
    const policy = passwordPolicy(parameters);
    expect(accountOf({ PasswordPolicy: sdkCall(policy, policy) }).password_policy).toEqual({
      state: 'explicit',
      value: expected,
      at: { path: 'Properties.Create', logical_id: 'PasswordPolicy' },
    });
  });

  it.each([
    ['@aws-sdk/client-iam', 'UpdateAccountPasswordPolicyCommand'],
    ['iam', 'updateAccountPasswordPolicy'],
  ])('accept the service %s and action %s', (service, action) => {
    const account = accountOf({
      PasswordPolicy: sdkCall(passwordPolicy({ MinimumPasswordLength: 20 }, service, action)),
    });
    expect(account.password_policy).toMatchObject({
      state: 'explicit',
      value: expect.objectContaining({ minimum_length: 20 }),
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'create and update that disagree',
      {
        PasswordPolicy: sdkCall(
          passwordPolicy({ MinimumPasswordLength: 14 }),
          passwordPolicy({ MinimumPasswordLength: 8 }),
        ),
      },
      /set to different values by the template/,
    ],
    [
      'two resources that disagree',
      {
        First: sdkCall(passwordPolicy({ MinimumPasswordLength: 14 })),
        Second: sdkCall(passwordPolicy({ MinimumPasswordLength: 8 })),
      },
      /set to different values by the template/,
    ],
    [
      'a parameter of the wrong type',
      { PasswordPolicy: sdkCall(passwordPolicy({ MinimumPasswordLength: '14' })) },
      /Properties.Create sets MinimumPasswordLength to a value of the wrong type/,
    ],
  ])('make the password policy unknown for %s', (_name, resources, reason) => {
    expect(accountOf(resources).password_policy).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(reason),
    });
  });

  it('read deleteAccountPasswordPolicy as no password policy', () => {
    const account = accountOf({
      NoPolicy: sdkCall({ service: 'IAM', action: 'deleteAccountPasswordPolicy' }),
    });
    expect(account.password_policy).toMatchObject({ state: 'explicit', value: null });
  });

  it('report a call that cannot be read, and leave other calls alone', () => {
    const { model, diagnostics } = modelOfResources({
      Provider: resource('AWS::Lambda::Function'),
      Broken: sdkCall('{not json'),
      Other: sdkCall({ service: 'SSM', action: 'putParameter', parameters: { Name: 'x' } }),
    });
    expect(model.accounts['T/account'].password_policy.state).toBe('unknown');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        logicalId: 'Broken',
        message: 'the SDK call cannot be read: it is not valid JSON',
      }),
    ]);
  });

  describe('account-level S3 Block Public Access', () => {
    // CDK writes the AccountId parameter with Fn::Join over AWS::AccountId, as here.
    const putPublicAccessBlock = (flags: string) =>
      cfn.join([
        '{"service":"S3Control","action":"putPublicAccessBlock","parameters":{"AccountId":"',
        cfn.ref('AWS::AccountId'),
        `","PublicAccessBlockConfiguration":{${flags}}}}`,
      ]);

    it('is read from s3control:putPublicAccessBlock for this account, flags left out being off', () => {
      const account = accountOf({
        Block: sdkCall(putPublicAccessBlock('"BlockPublicAcls":true,"BlockPublicPolicy":true')),
      });
      expect(account.s3_public_access_block).toEqual({
        block_public_acls: expect.objectContaining({ state: 'explicit', value: true }),
        ignore_public_acls: expect.objectContaining({ state: 'explicit', value: false }),
        block_public_policy: expect.objectContaining({ state: 'explicit', value: true }),
        restrict_public_buckets: expect.objectContaining({ state: 'explicit', value: false }),
      });
    });

    it('is read when the account is given and the call names it', () => {
      const account = accountOf(
        { Block: sdkCall(putPublicAccessBlock('"BlockPublicAcls":true')) },
        { accountId: '111122223333' },
      );
      expect(account.s3_public_access_block.block_public_acls).toMatchObject({
        state: 'explicit',
        value: true,
      });
    });

    it('is left alone by a call for another account', () => {
      const other = JSON.stringify({
        service: 'S3Control',
        action: 'putPublicAccessBlock',
        parameters: { AccountId: '999999999999', PublicAccessBlockConfiguration: { BlockPublicAcls: true } },
      });
      const account = accountOf({ Block: sdkCall(other) }, { accountId: '111122223333' });
      expect(account.s3_public_access_block.block_public_acls.state).toBe('unknown');
    });
  });
});
