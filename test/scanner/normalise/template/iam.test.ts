import { valueOf } from '../../../../scanner/normalise/leaves';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const TRUST = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const READ_DOCS = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const role = (properties: Record<string, unknown> = {}) =>
  resource('AWS::IAM::Role', { AssumeRolePolicyDocument: TRUST, ...properties });

describe('the AWS::IAM::Role adapter', () => {
  it('applies IAM’s defaults and reads the trust policy', () => {
    const reader = modelOfResources({ Reader: role() }).model.iam_roles['T/Reader'];
    expect(reader.path).toMatchObject({ state: 'default', value: '/' });
    expect(reader.max_session_seconds).toMatchObject({ state: 'default', value: 3600 });
    expect(reader.inline_policies).toMatchObject({ state: 'default', value: [] });
    expect(reader.managed_policies).toMatchObject({ state: 'default', value: [] });
    expect(reader.permissions_boundary.ref).toMatchObject({ state: 'default', value: null });
    expect(reader.name).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/RoleName is not set/),
    });
    expect(valueOf(reader.trust_policy)?.statements[0]).toMatchObject({
      actions: ['sts:AssumeRole'],
      principals: expect.objectContaining({ service: ['lambda.amazonaws.com'] }),
    });
  });

  it('reads explicit values with their paths', () => {
    const reader = modelOfResources({
      Reader: role({
        RoleName: 'reader',
        Path: '/people/',
        MaxSessionDuration: 7200,
        PermissionsBoundary: cfn.ref('Boundary'),
        Policies: [{ PolicyName: 'read', PolicyDocument: READ_DOCS }],
        ManagedPolicyArns: [ADMIN_ARN, cfn.ref('Boundary')],
      }),
      Boundary: resource('AWS::IAM::ManagedPolicy', { PolicyDocument: READ_DOCS }),
    }).model.iam_roles['T/Reader'];
    expect(reader.name).toMatchObject({ state: 'explicit', value: 'reader' });
    expect(reader.path).toMatchObject({ state: 'explicit', value: '/people/' });
    expect(reader.max_session_seconds).toMatchObject({ state: 'explicit', value: 7200 });
    expect(reader.permissions_boundary).toMatchObject({ target: 'T/Boundary' });
    expect(valueOf(reader.inline_policies)).toEqual([
      {
        name: 'read',
        document: expect.objectContaining({
          state: 'explicit',
          at: { path: 'Properties.Policies[0].PolicyDocument' },
        }),
      },
    ]);
    expect(valueOf(reader.managed_policies)).toEqual([
      {
        ref: expect.objectContaining({ value: ADMIN_ARN, at: { path: 'Properties.ManagedPolicyArns[0]' } }),
        target: ADMIN_ARN,
      },
      { ref: expect.objectContaining({ value: '{{lexguard:Boundary}}' }), target: 'T/Boundary' },
    ]);
  });

  it.each<[string, Record<string, unknown>, 'trust_policy' | 'managed_policies' | 'inline_policies', RegExp]>(
    [
      [
        'a missing trust policy',
        { AssumeRolePolicyDocument: undefined },
        'trust_policy',
        /AssumeRolePolicyDocument is required/,
      ],
      [
        'an imported managed policy',
        { ManagedPolicyArns: [cfn.importValue('Shared')] },
        'managed_policies',
        /Fn::ImportValue Shared/,
      ],
      [
        'inline policies that cannot be resolved',
        { Policies: cfn.importValue('P') },
        'inline_policies',
        /Fn::ImportValue P/,
      ],
    ],
  )('makes %s unknown, with the reason', (_name, properties, field, reason) => {
    const leaf = modelOfResources({ Reader: role(properties) }).model.iam_roles['T/Reader'][field];
    expect(leaf).toMatchObject({ state: 'unknown', reason: expect.stringMatching(reason) });
  });
});

describe('the AWS::IAM::User and AWS::IAM::Group adapters', () => {
  const { model } = modelOfResources({
    Alice: resource('AWS::IAM::User', {
      UserName: 'alice',
      Groups: [cfn.ref('Staff')],
      LoginProfile: { Password: 'x' },
    }),
    Bob: resource('AWS::IAM::User'),
    Staff: resource('AWS::IAM::Group', { GroupName: 'staff' }),
  });

  it('links a user to the groups it names, and the group back to its members', () => {
    expect(valueOf(model.iam_users['T/Alice'].groups)).toEqual([
      { ref: expect.objectContaining({ value: '{{lexguard:Staff}}' }), target: 'T/Staff' },
    ]);
    expect(valueOf(model.iam_groups['T/Staff'].members)).toEqual([
      { ref: expect.objectContaining({ value: 'alice' }), target: 'T/Alice' },
    ]);
  });

  it('knows a console password only from LoginProfile; everything else about credentials is live', () => {
    expect(model.iam_users['T/Alice'].credentials.password_enabled).toMatchObject({
      state: 'explicit',
      value: true,
    });
    for (const leaf of [
      model.iam_users['T/Bob'].credentials.password_enabled,
      model.iam_users['T/Alice'].credentials.mfa_active,
      model.iam_users['T/Alice'].credentials.access_keys,
      model.iam_users['T/Alice'].credentials.password_unused_days,
    ]) {
      expect(leaf).toMatchObject({
        state: 'unknown',
        reason: expect.stringMatching(/scan the live account/),
      });
    }
  });

  it('gives groups no permissions boundary: IAM has none for groups', () => {
    expect(model.iam_groups['T/Staff'].permissions_boundary.ref).toMatchObject({
      state: 'explicit',
      value: null,
    });
  });
});

describe('the AWS::IAM::UserToGroupAddition adapter', () => {
  it('adds the group to the users of the template and keeps others as members without a target', () => {
    const { model, diagnostics } = modelOfResources({
      Alice: resource('AWS::IAM::User', { UserName: 'alice' }),
      Staff: resource('AWS::IAM::Group'),
      Addition: resource('AWS::IAM::UserToGroupAddition', {
        GroupName: cfn.ref('Staff'),
        Users: [cfn.ref('Alice'), 'carol'],
      }),
    });
    expect(valueOf(model.iam_users['T/Alice'].groups)).toEqual([
      {
        ref: expect.objectContaining({
          value: '{{lexguard:Staff}}',
          at: { path: 'Properties.Users[0]', logical_id: 'Addition' },
        }),
        target: 'T/Staff',
      },
    ]);
    expect(valueOf(model.iam_groups['T/Staff'].members)).toEqual([
      { ref: expect.objectContaining({ value: 'carol' }) },
      { ref: expect.objectContaining({ value: 'alice' }), target: 'T/Alice' },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('makes the members unknown when a user cannot be resolved', () => {
    const { model } = modelOfResources({
      Staff: resource('AWS::IAM::Group'),
      Addition: resource('AWS::IAM::UserToGroupAddition', {
        GroupName: cfn.ref('Staff'),
        Users: [cfn.importValue('U')],
      }),
    });
    expect(model.iam_groups['T/Staff'].members).toMatchObject({ state: 'unknown' });
  });
});

describe('the AWS::IAM::Policy adapter', () => {
  const template = (attach: Record<string, unknown>) => ({
    Reader: role({ RoleName: 'reader' }),
    Other: role(),
    Staff: resource('AWS::IAM::Group'),
    Alice: resource('AWS::IAM::User'),
    ReadPolicy: resource('AWS::IAM::Policy', { PolicyName: 'read', PolicyDocument: READ_DOCS, ...attach }),
  });

  it.each<[string, Record<string, unknown>, 'iam_roles' | 'iam_groups' | 'iam_users', string]>([
    ['a role by Ref', { Roles: [cfn.ref('Reader')] }, 'iam_roles', 'T/Reader'],
    ['a role by name', { Roles: ['reader'] }, 'iam_roles', 'T/Reader'],
    ['a group', { Groups: [cfn.ref('Staff')] }, 'iam_groups', 'T/Staff'],
    ['a user', { Users: [cfn.ref('Alice')] }, 'iam_users', 'T/Alice'],
  ])(
    'adds its document to the inline policies of %s, pointing at the policy resource',
    (_name, attach, collection, id) => {
      const { model } = modelOfResources(template(attach));
      expect(valueOf(model[collection][id].inline_policies)).toEqual([
        {
          name: 'read',
          document: expect.objectContaining({
            state: 'explicit',
            at: { path: 'Properties.PolicyDocument', logical_id: 'ReadPolicy' },
          }),
        },
      ]);
      expect(valueOf(model.iam_roles['T/Other'].inline_policies)).toEqual([]);
    },
  );

  it('reports a principal outside the template', () => {
    const { diagnostics } = modelOfResources(template({ Roles: ['elsewhere'] }));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/attaches to elsewhere, which is not in the template/),
      }),
    ]);
  });

  it('makes every role’s inline policies unknown when a role name cannot be resolved', () => {
    const { model } = modelOfResources(template({ Roles: [cfn.importValue('RoleName')] }));
    for (const id of ['T/Reader', 'T/Other'])
      expect(model.iam_roles[id].inline_policies).toMatchObject({
        state: 'unknown',
        reason: expect.stringMatching(/may attach to this one/),
      });
    expect(model.iam_groups['T/Staff'].inline_policies).toMatchObject({ state: 'default', value: [] });
  });
});

describe('the AWS::IAM::ManagedPolicy adapter', () => {
  it('is a resource, attached to the principals it names', () => {
    const { model } = modelOfResources({
      Staff: resource('AWS::IAM::Group'),
      Reader: role(),
      Read: resource('AWS::IAM::ManagedPolicy', {
        ManagedPolicyName: 'read',
        PolicyDocument: READ_DOCS,
        Groups: [cfn.ref('Staff')],
      }),
    });
    expect(model.iam_managed_policies['T/Read']).toMatchObject({
      aws_managed: false,
      name: { state: 'explicit', value: 'read' },
      document: { state: 'explicit', at: { path: 'Properties.PolicyDocument' } },
    });
    expect(valueOf(model.iam_groups['T/Staff'].managed_policies)).toEqual([
      { ref: expect.objectContaining({ value: '{{lexguard:Read}}' }), target: 'T/Read' },
    ]);
    expect(valueOf(model.iam_roles['T/Reader'].managed_policies)).toEqual([]);
  });
});

describe('AWS managed policies', () => {
  it.each<[string, unknown, RegExp | 'known']>([
    ['AdministratorAccess, whose document lexguard carries', ADMIN_ARN, 'known'],
    [
      'a policy written as CDK writes it',
      cfn.join(['arn:', cfn.ref('AWS::Partition'), ':iam::aws:policy/PowerUserAccess']),
      'known',
    ],
    [
      'a policy lexguard has no document for',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      /scan the live account to read ReadOnlyAccess/,
    ],
    [
      'a policy with a path',
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
      /read AWSBackupServiceRolePolicyForBackup/,
    ],
  ])('become resources the principals link to: %s', (_name, arn, document) => {
    const { model } = modelOfResources({ Reader: role({ ManagedPolicyArns: [arn] }) });
    const [link] = valueOf(model.iam_roles['T/Reader'].managed_policies) ?? [];
    const policy = model.iam_managed_policies[link.target ?? ''];
    expect(policy).toMatchObject({
      aws_managed: true,
      account: { value: 'aws' },
      source: { logical_id: '' },
    });
    if (document === 'known') expect(policy.document.state).toBe('explicit');
    else expect(policy.document).toMatchObject({ state: 'unknown', reason: expect.stringMatching(document) });
  });

  it('carry AdministratorAccess as every action on every resource', () => {
    const { model } = modelOfResources({ Reader: role({ PermissionsBoundary: ADMIN_ARN }) });
    expect(valueOf(model.iam_managed_policies[ADMIN_ARN].document)?.statements).toEqual([
      expect.objectContaining({ effect: 'Allow', actions: ['*'], resources: ['*'] }),
    ]);
    expect(model.iam_roles['T/Reader'].permissions_boundary.target).toBe(ADMIN_ARN);
  });
});
