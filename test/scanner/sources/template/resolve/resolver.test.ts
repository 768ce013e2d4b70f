import {
  TemplateResolver,
  type ResolverOptions,
} from '../../../../../scanner/sources/template/resolve/resolver';
import {
  firstUnresolved,
  Unresolved,
  type Resolved,
} from '../../../../../scanner/sources/template/resolve/unresolved';
import type { TemplateBody } from '../../../../../scanner/sources/template/template-body';

const template: TemplateBody = {
  Parameters: {
    Env: { Type: 'String', Default: 'prod' },
    NoDefault: { Type: 'String' },
    Regions: { Type: 'CommaDelimitedList', Default: 'eu-west-1, eu-central-1' },
    FromSsm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/firm/bucket' },
  },
  Mappings: { Retention: { prod: { Days: 2555 } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    Unknowable: { 'Fn::Equals': [{ Ref: 'NoDefault' }, 'yes'] },
    ProdOrUnknowable: { 'Fn::Or': [{ Condition: 'IsProd' }, { Condition: 'Unknowable' }] },
    DevAndUnknowable: { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'Unknowable' }] },
    LoopA: { Condition: 'LoopB' },
    LoopB: { Condition: 'LoopA' },
  },
  Resources: { Docs: { Type: 'AWS::S3::Bucket' }, Key: { Type: 'AWS::KMS::Key' } },
};

function resolve(value: unknown, options: ResolverOptions = {}): unknown {
  return new TemplateResolver(template, options).resolve(value, ['Resources', 'Docs', 'Properties']);
}

const reasonOf = (value: unknown): string =>
  value instanceof Unresolved ? value.reason : `resolved to ${JSON.stringify(value)}`;

describe('TemplateResolver', () => {
  it.each<[string, unknown, unknown]>([
    ['a parameter default', { Ref: 'Env' }, 'prod'],
    ['a list parameter', { Ref: 'Regions' }, ['eu-west-1', 'eu-central-1']],
    ['a resource Ref as a token', { Ref: 'Docs' }, '{{lexguard:Docs}}'],
    ['Fn::GetAtt as a token', { 'Fn::GetAtt': ['Key', 'Arn'] }, '{{lexguard:Key.Arn}}'],
    ['Fn::GetAtt in dotted string form', { 'Fn::GetAtt': 'Key.Arn' }, '{{lexguard:Key.Arn}}'],
    ['AWS::Partition', { Ref: 'AWS::Partition' }, 'aws'],
    [
      'Fn::Join of tokens',
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Docs', 'Arn'] }, '/*']] },
      '{{lexguard:Docs.Arn}}/*',
    ],
    [
      'Fn::Sub with parameters, attributes and literals',
      { 'Fn::Sub': '${Env}-${Key.Arn}-${!Literal}' },
      'prod-{{lexguard:Key.Arn}}-${Literal}',
    ],
    [
      'Fn::Sub with a variable map',
      { 'Fn::Sub': ['${A}/${Env}', { A: { Ref: 'Docs' } }] },
      '{{lexguard:Docs}}/prod',
    ],
    ['Fn::Select', { 'Fn::Select': [1, { Ref: 'Regions' }] }, 'eu-central-1'],
    ['Fn::Split', { 'Fn::Split': [',', 'a,b'] }, ['a', 'b']],
    ['Fn::FindInMap', { 'Fn::FindInMap': ['Retention', { Ref: 'Env' }, 'Days'] }, 2555],
    ['Fn::If on a decidable condition', { 'Fn::If': ['IsProd', 'yes', 'no'] }, 'yes'],
    ['Fn::If on a negated condition', { 'Fn::If': ['IsDev', 'yes', 'no'] }, 'no'],
    ['Fn::Or decided by one known branch', { 'Fn::If': ['ProdOrUnknowable', 'yes', 'no'] }, 'yes'],
    ['Fn::And decided by one known branch', { 'Fn::If': ['DevAndUnknowable', 'yes', 'no'] }, 'no'],
    ['Fn::Base64', { 'Fn::Base64': 'abc' }, 'YWJj'],
    ['Fn::ToJsonString', { 'Fn::ToJsonString': { a: { Ref: 'Env' } } }, '{"a":"prod"}'],
    ['AWS::NoValue inside a list', ['a', { Ref: 'AWS::NoValue' }, 'b'], ['a', 'b']],
    ['AWS::NoValue inside a mapping', { Keep: 1, Drop: { Ref: 'AWS::NoValue' } }, { Keep: 1 }],
    ['Fn::If choosing AWS::NoValue', { X: { 'Fn::If': ['IsDev', 'x', { Ref: 'AWS::NoValue' }] } }, {}],
  ])('resolves %s', (_name, value, expected) => {
    expect(resolve(value)).toEqual(expected);
  });

  it('prefers a given parameter value over the default', () => {
    expect(resolve({ Ref: 'Env' }, { parameters: { Env: 'dev' } })).toBe('dev');
    expect(resolve({ 'Fn::If': ['IsProd', 'yes', 'no'] }, { parameters: { Env: 'dev' } })).toBe('no');
  });

  it('uses pseudo parameters only when told them', () => {
    expect(reasonOf(resolve({ Ref: 'AWS::Region' }))).toMatch(/only known at deploy time/);
    expect(resolve({ Ref: 'AWS::Region' }, { pseudo: { region: 'eu-west-1' } })).toBe('eu-west-1');
  });

  it.each<[string, unknown, string]>([
    [
      'Fn::Sub',
      { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}' },
      'arn:aws:kms:{{lexguard-pseudo-Region}}:{{lexguard-pseudo-AccountId}}:key/{{lexguard:Key}}',
    ],
    [
      'Fn::Join',
      { 'Fn::Join': [':', ['arn:aws:logs', { Ref: 'AWS::Region' }, '111122223333', 'log-group:audit']] },
      'arn:aws:logs:{{lexguard-pseudo-Region}}:111122223333:log-group:audit',
    ],
  ])(
    'leaves a value built with the unknown region or account unresolved, with placeholders to link by (%s)',
    (_name, value, placeholders) => {
      const resolved = resolve(value);
      expect(resolved).toBeInstanceOf(Unresolved);
      expect(resolved).toMatchObject({
        reason: expect.stringMatching(/only known at deploy time/),
        symbolic: placeholders,
      });
    },
  );

  it('keeps no placeholder rendering when something else is unknown too', () => {
    const resolved = resolve({
      'Fn::Sub': ['${AWS::Region}-${Shared}', { Shared: { 'Fn::ImportValue': 'X' } }],
    });
    expect(resolved).toBeInstanceOf(Unresolved);
    expect(resolved).toMatchObject({
      symbolic: undefined,
      reason: expect.stringMatching(/Fn::ImportValue X/),
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['a parameter without a value', { Ref: 'NoDefault' }, /parameter NoDefault has no default/],
    ['an SSM parameter', { Ref: 'FromSsm' }, /SSM Parameter Store/],
    [
      'Fn::ImportValue',
      { 'Fn::ImportValue': 'SharedKeyArn' },
      /Fn::ImportValue SharedKeyArn is an export of another stack/,
    ],
    ['a dynamic reference', 'pre-{{resolve:ssm:/firm/key}}', /dynamic reference/],
    [
      'an undecidable condition',
      { 'Fn::If': ['Unknowable', 'a', 'b'] },
      /condition Unknowable cannot be decided/,
    ],
    ['a cycle of conditions', { 'Fn::If': ['LoopA', 'a', 'b'] }, /cannot be decided/],
    ['an unknown intrinsic', { 'Fn::Frobnicate': 'x' }, /unknown intrinsic function Fn::Frobnicate/],
    ['a Ref to nothing', { Ref: 'Nowhere' }, /neither a parameter nor a resource/],
    ['Fn::GetAtt of nothing', { 'Fn::GetAtt': ['Nowhere', 'Arn'] }, /not a resource of the template/],
    [
      'Fn::Join over an unresolved part',
      { 'Fn::Join': ['', ['a', { 'Fn::ImportValue': 'X' }]] },
      /Fn::ImportValue X/,
    ],
    ['Fn::Select out of range', { 'Fn::Select': [5, ['a']] }, /out of the list/],
    [
      'Fn::Select of Fn::Split of a resource’s Ref',
      { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'Docs' }] }] },
      /Fn::Split of \{\{lexguard:Docs\}\}, a value only known at deploy time/,
    ],
  ])('leaves %s unresolved, with the reason', (_name, value, reason) => {
    expect(reasonOf(resolve(value))).toMatch(reason);
  });

  it('does not call a split of a deploy-time value a template error', () => {
    const resolver = new TemplateResolver(template);
    const split = { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'Docs' }] }] };
    expect(resolver.resolve(split, ['Resources', 'Docs'])).toBeInstanceOf(Unresolved);
    expect(resolver.diagnostics).toEqual([]);
  });

  it('reports what CloudFormation would reject as a diagnostic with its path', () => {
    const resolver = new TemplateResolver(template);
    resolver.resolve({ Bad: { 'Fn::Frobnicate': 'x' } }, ['Resources', 'Docs', 'Properties']);
    expect(resolver.diagnostics).toEqual([
      {
        message: 'unknown intrinsic function Fn::Frobnicate',
        path: ['Resources', 'Docs', 'Properties', 'Bad', 'Fn::Frobnicate'],
      },
    ]);
  });

  it('names the conditions that cannot be decided without an assumption', () => {
    const resolver = new TemplateResolver(template);
    expect(resolver.undecidedConditions().sort()).toEqual(['LoopA', 'LoopB', 'Unknowable']);
    const assumed = new TemplateResolver(template, { assumptions: new Map([['Unknowable', true]]) });
    expect(assumed.resolve({ 'Fn::If': ['Unknowable', 'a', 'b'] }, [])).toBe('a');
  });

  it('refuses values nested deeper than the limit instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10000; i++) deep = [deep];
    expect(reasonOf(firstUnresolved(resolve(deep, { maxDepth: 64 }) as Resolved))).toMatch(
      /deeper than 64 levels/,
    );
  });
});

describe('TemplateResolver for scenarios and assemblies', () => {
  const conditional: TemplateBody = {
    Parameters: {
      Env: { Type: 'String', AllowedValues: ['dev', 'prod'] },
      Kms: { Type: 'String' },
    },
    Mappings: { Loop: { a: { b: { 'Fn::FindInMap': ['Loop', 'a', 'b'] } } } },
    Conditions: {
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      IsStaging: { 'Fn::Equals': [{ Ref: 'Env' }, 'staging'] },
      UseKms: { 'Fn::Equals': ['yes', { Ref: 'Kms' }] },
      LoopA: { Condition: 'LoopB' },
      LoopB: { Condition: 'LoopA' },
    },
    Resources: { Docs: { Type: 'AWS::S3::Bucket' }, Nested: { Type: 'AWS::CloudFormation::Stack' } },
  };

  it('names the undecidable conditions the resolved values depend on, reduced to their roots', () => {
    const resolver = new TemplateResolver(conditional);
    resolver.resolve(
      {
        A: { 'Fn::If': ['IsDev', 'a', 'b'] },
        B: { 'Fn::If': ['UseKms', 'a', 'b'] },
        C: { 'Fn::If': ['LoopA', 'a', 'b'] },
      },
      ['Resources', 'Docs', 'Properties'],
    );
    expect(resolver.undecidedRoots()).toEqual([
      { name: 'IsProd', comparison: { variable: 'Env', literal: 'prod', allowed: ['dev', 'prod'] } },
      { name: 'UseKms', comparison: { variable: 'Kms', literal: 'yes' } },
    ]);
  });

  it('decides a comparison with a value the parameter does not allow as false', () => {
    const conditionalResolve = new TemplateResolver(conditional);
    expect(conditionalResolve.resolve({ 'Fn::If': ['IsStaging', 'a', 'b'] }, [])).toBe('b');
  });

  it('derives dependent conditions from an assumption about their root', () => {
    const resolver = new TemplateResolver(conditional, { assumptions: new Map([['IsProd', true]]) });
    expect(resolver.resolve({ 'Fn::If': ['IsDev', 'a', 'b'] }, [])).toBe('b');
    expect(resolver.undecidedRoots()).toEqual([]);
  });

  it('adds the bound to the reason when a condition is left undecided', () => {
    const resolver = new TemplateResolver(conditional, { undecidedNote: 'over the bound' });
    expect(reasonOf(resolver.resolve({ 'Fn::If': ['UseKms', 'a', 'b'] }, []))).toBe(
      'condition UseKms cannot be decided from the template; over the bound',
    );
  });

  it('resolves imports and nested stack outputs through the values it is given, with scoped tokens', () => {
    const resolver = new TemplateResolver(conditional, {
      scope: 'App/Storage',
      parameters: { Kms: new Unresolved('passed an unknown value by the parent stack') },
      external: {
        importValue: (name) => (name === 'Shared:KeyArn' ? '{{lexguard:Keys/Key.Arn}}' : undefined),
        stackOutput: (logicalId, output) => (logicalId === 'Nested' ? `${output}!` : undefined),
      },
    });
    expect(resolver.resolve({ 'Fn::ImportValue': 'Shared:KeyArn' }, [])).toBe('{{lexguard:Keys/Key.Arn}}');
    expect(reasonOf(resolver.resolve({ 'Fn::ImportValue': 'Other' }, []))).toMatch(/export of another stack/);
    expect(resolver.resolve({ 'Fn::GetAtt': ['Nested', 'Outputs.Name'] }, [])).toBe('Name!');
    expect(resolver.resolve({ Ref: 'Docs' }, [])).toBe('{{lexguard:App/Storage/Docs}}');
    expect(reasonOf(resolver.resolve({ Ref: 'Kms' }, []))).toBe(
      'passed an unknown value by the parent stack',
    );
  });

  it('reads Mappings as literals, so a mapping cannot refer to itself', () => {
    const resolver = new TemplateResolver(conditional);
    expect(reasonOf(resolver.resolve({ 'Fn::FindInMap': ['Loop', 'a', 'b'] }, []))).toMatch(
      /not a literal value/,
    );
    expect(resolver.diagnostics[0]).toEqual({
      message: 'a value in Mappings must be a string, a number or a list of them',
      path: ['Mappings', 'Loop', 'a', 'b'],
    });
  });
});

describe('TemplateResolver budget (limits.max_resolved_chars)', () => {
  const limit = 10_000;
  const big: TemplateBody = {
    Parameters: { Big: { Type: 'String', Default: 'p'.repeat(4000) } },
    Resources: { Docs: { Type: 'AWS::S3::Bucket' } },
  };

  it.each<[string, unknown]>([
    ['Fn::Join repeating a long delimiter', { 'Fn::Join': ['d'.repeat(5000), ['', '', '', '']] }],
    ['Fn::Sub repeating a variable', { 'Fn::Sub': ['${v}'.repeat(100), { v: 'x'.repeat(500) }] }],
    ['a parameter used again and again', Array.from({ length: 5 }, () => ({ Ref: 'Big' }))],
    ['Fn::Base64 of a long text', { 'Fn::Base64': { 'Fn::Join': ['', Array(3).fill({ Ref: 'Big' })] } }],
  ])('leaves %s unresolved once the budget is spent, and says where', (_name, value) => {
    const resolver = new TemplateResolver(big, { maxResolvedChars: limit });
    const resolved = resolver.resolve(value, ['Resources', 'Docs', 'Properties', 'X']);
    expect(reasonOf(firstUnresolved(resolved as Resolved) ?? resolved)).toMatch(
      /resolved values exceed 10000 characters \(limits\.max_resolved_chars\)/,
    );
    expect(resolver.diagnostics).toEqual([
      {
        message: expect.stringMatching(/exceed 10000 characters/) as unknown,
        path: expect.arrayContaining(['Resources', 'Docs', 'Properties', 'X']) as unknown,
      },
    ]);
  });

  it('resolves what fits the budget exactly as without one', () => {
    const value = { 'Fn::Join': ['-', [{ Ref: 'Big' }, 'x']] };
    expect(new TemplateResolver(big, { maxResolvedChars: limit }).resolve(value, [])).toBe(
      `${'p'.repeat(4000)}-x`,
    );
  });
});
