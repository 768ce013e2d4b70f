import fc from 'fast-check';

/**
 * Generated CloudFormation-like templates, written as JSON or YAML (with short-form tags), then damaged
 * or made hostile: the inputs of the template loader's property tests (`test/e2e/hostile-input.property.test.ts`)
 * and of `npm run fuzz` (`scripts/fuzz.ts`).
 */

const NAMES = ['Docs', 'Key', 'Policy', 'Role', 'Trail', 'Logs', 'Missing', 'AWS::Region', 'AWS::NoValue'];
const PARAMETERS = ['Env', 'NoDefault', 'List', 'Big'];
const CONDITIONS = ['IsProd', 'IsDev', 'Loop', 'Undefined'];
const TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::KMS::Key',
  'AWS::IAM::Role',
  'AWS::CloudTrail::Trail',
  'AWS::Logs::LogGroup',
  'AWS::Lambda::Function',
  'Custom::Thing',
];
const PROPERTIES = [
  'BucketName',
  'BucketEncryption',
  'PolicyDocument',
  'KeyPolicy',
  'EnableKeyRotation',
  'Tags',
  'Bucket',
  'VersioningConfiguration',
  'AssumeRolePolicyDocument',
  'Policies',
];

const name = fc.constantFrom(...NAMES, ...PARAMETERS);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    '${Env}',
    '${Docs.Arn}',
    '${AWS::Region}-${Missing}',
    '${!Literal}',
    '{{resolve:ssm:/x}}',
    '',
  ),
);
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }));

/** A value that may hold any intrinsic function, well formed or not. */
export const cfnValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => {
  const value = tie('value');
  const intrinsic = fc.oneof(
    name.map((n) => ({ Ref: n })),
    fc.tuple(name, fc.constantFrom('Arn', 'Outputs.X', '')).map(([n, a]) => ({ 'Fn::GetAtt': [n, a] })),
    fc.oneof(text, fc.tuple(text, fc.dictionary(fc.constantFrom('v', 'Env'), value))).map((argument) => ({
      'Fn::Sub': argument,
    })),
    fc.tuple(text, fc.array(value, { maxLength: 4 })).map((argument) => ({ 'Fn::Join': argument })),
    fc.tuple(fc.oneof(fc.integer({ min: -1, max: 3 }), value), value).map((a) => ({ 'Fn::Select': a })),
    fc.tuple(text, value).map((argument) => ({ 'Fn::Split': argument })),
    fc.array(value, { maxLength: 4 }).map((argument) => ({ 'Fn::FindInMap': argument })),
    fc.tuple(fc.constantFrom(...CONDITIONS), value, value).map((argument) => ({ 'Fn::If': argument })),
    value.map((argument) => ({ 'Fn::Base64': argument })),
    value.map((argument) => ({ 'Fn::ToJsonString': argument })),
    value.map((argument) => ({ 'Fn::Length': argument })),
    value.map((argument) => ({ 'Fn::ImportValue': argument })),
    fc.tuple(value, value).map((argument) => ({ 'Fn::Equals': argument })),
    fc.constantFrom('IsProd', 'Loop').map((c) => ({ Condition: c })),
    value.map((argument) => ({ 'Fn::Frobnicate': argument })),
  );
  return {
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      intrinsic,
      fc.array(value, { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...PROPERTIES), fc.string({ maxLength: 6 })), value, {
        maxKeys: 4,
      }),
    ),
  };
}).value;

/** A template: parameters, mappings, conditions (cycles included), resources and outputs. */
export const cfnTemplate: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    AWSTemplateFormatVersion: fc.constant('2010-09-09'),
    Parameters: fc.constant({
      Env: { Type: 'String', Default: 'prod', AllowedValues: ['prod', 'dev'] },
      NoDefault: { Type: 'String' },
      List: { Type: 'CommaDelimitedList', Default: 'a,b' },
      Big: { Type: 'String', Default: 'x'.repeat(2000) },
    }),
    Mappings: fc.dictionary(fc.constantFrom('M', 'N'), fc.dictionary(text, fc.dictionary(text, cfnValue))),
    Conditions: fc.record({
      IsProd: fc.constant({ 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }),
      IsDev: fc.constantFrom(
        { 'Fn::Not': [{ Condition: 'IsProd' }] },
        { 'Fn::Equals': [{ Ref: 'NoDefault' }, 'y'] },
      ),
      // A condition that refers to itself, directly or through another: CloudFormation refuses it.
      Loop: fc.constantFrom(
        { Condition: 'Loop' },
        { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'Loop' }] },
      ),
    }),
    Resources: fc.dictionary(
      fc.constantFrom('Docs', 'Key', 'Policy', 'Role', 'Trail', 'Logs', 'Other'),
      fc.record(
        {
          Type: fc.oneof(fc.constantFrom(...TYPES), cfnValue),
          Properties: fc.oneof(
            fc.dictionary(fc.constantFrom(...PROPERTIES), cfnValue, { maxKeys: 5 }),
            cfnValue,
          ),
          Condition: fc.constantFrom(...CONDITIONS),
          DependsOn: name,
          Metadata: fc.constant({ lexguard: { suppressions: [{ rule: 'LG-S3-001' }] } }),
        },
        { requiredKeys: ['Type'] },
      ),
      { minKeys: 1, maxKeys: 5 },
    ),
    Outputs: fc.dictionary(text, fc.record({ Value: cfnValue })),
  },
  { requiredKeys: ['Resources'] },
);

/** A document as JSON, indented or not. */
export function renderJson(document: unknown, indent: number): string {
  return JSON.stringify(document, null, indent);
}

const SHORT_FORMS: Record<string, string> = { Ref: '!Ref', Condition: '!Condition' };

/** A document as block-style YAML, intrinsic functions written as short-form tags (`!Sub`, `!If`, …). */
export function renderYaml(document: unknown): string {
  return `${yamlNode(document, 0)}\n`;
}

function yamlNode(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => `\n${pad}- ${yamlNode(item, indent + 2).replace(/^\n\s*/, '')}`).join('');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (entries.length === 1 && (entries[0][0] in SHORT_FORMS || entries[0][0].startsWith('Fn::'))) {
      const [key, argument] = entries[0];
      const tag = SHORT_FORMS[key] ?? `!${key.slice(4)}`;
      // Flow style keeps a tagged node on one line whatever it holds.
      return `${tag} ${JSON.stringify(argument) ?? 'null'}`;
    }
    return entries
      .map(([key, item]) => `\n${pad}${JSON.stringify(key)}: ${yamlNode(item, indent + 2)}`)
      .join('');
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a test does to a written template before the scanner reads it. */
export type Damage =
  | { kind: 'none' }
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'truncate'; at: number }
  | { kind: 'invalid-utf8'; at: number; byte: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'deep'; depth: number }
  | { kind: 'huge-string'; length: number }
  | { kind: 'huge-array'; length: number }
  | { kind: 'alias-bomb'; width: number; levels: number }
  | { kind: 'alias-long-scalar'; length: number; aliases: number };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'bom' as const }),
  fc.constant({ kind: 'crlf' as const }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'truncate' as const, at })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0x80, 0xc3, 0xe9, 0xff, 0xfe))
    .map(([at, byte]) => ({ kind: 'invalid-utf8' as const, at, byte })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'duplicate-line' as const, at })),
  fc.integer({ min: 90, max: 3000 }).map((depth) => ({ kind: 'deep' as const, depth })),
  fc.integer({ min: 1, max: 2_000_000 }).map((length) => ({ kind: 'huge-string' as const, length })),
  fc.integer({ min: 1, max: 50_000 }).map((length) => ({ kind: 'huge-array' as const, length })),
  fc
    .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 9 }))
    .map(([width, levels]) => ({ kind: 'alias-bomb' as const, width, levels })),
  fc
    .tuple(fc.integer({ min: 1000, max: 3_000_000 }), fc.integer({ min: 1, max: 400 }))
    .map(([length, aliases]) => ({ kind: 'alias-long-scalar' as const, length, aliases })),
);

const BUCKET = { Type: 'AWS::S3::Bucket', Properties: {} as Record<string, unknown> };

/** The bytes of a template, written in one format and damaged as asked. */
export function hostileBytes(
  template: Record<string, unknown>,
  format: 'json' | 'yaml',
  harm: Damage,
): Buffer {
  const write = (document: unknown): string =>
    format === 'json' ? renderJson(document, 2) : renderYaml(document);
  switch (harm.kind) {
    case 'none':
      return Buffer.from(write(template));
    case 'bom':
      return Buffer.from(`\ufeff${write(template)}`);
    case 'crlf':
      return Buffer.from(write(template).replace(/\n/g, '\r\n'));
    case 'truncate': {
      const bytes = Buffer.from(write(template));
      return bytes.subarray(0, Math.floor(bytes.length * harm.at));
    }
    case 'invalid-utf8': {
      const bytes = Buffer.from(write(template));
      const at = Math.floor(bytes.length * harm.at);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([harm.byte]), bytes.subarray(at)]);
    }
    case 'duplicate-line': {
      const lines = write(template).split('\n');
      const at = Math.min(lines.length - 1, Math.floor(lines.length * harm.at));
      lines.splice(at, 0, lines[at]);
      return Buffer.from(lines.join('\n'));
    }
    case 'deep':
      return Buffer.from(
        format === 'json'
          ? `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ${'['.repeat(harm.depth)}${']'.repeat(harm.depth)}}}}}`
          : `Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ${'['.repeat(harm.depth)}${']'.repeat(harm.depth)}\n`,
      );
    case 'huge-string':
      return Buffer.from(
        write({
          ...template,
          Resources: {
            ...(template.Resources as object),
            Huge: { ...BUCKET, Properties: { BucketName: 'n'.repeat(harm.length) } },
          },
        }),
      );
    case 'huge-array':
      return Buffer.from(
        write({
          ...template,
          Resources: {
            ...(template.Resources as object),
            Huge: { ...BUCKET, Properties: { Tags: Array(harm.length).fill({ Key: 'k', Value: 'v' }) } },
          },
        }),
      );
    case 'alias-bomb': {
      const lines = [`a0: &a0 [${Array(harm.width).fill('"lol"').join(', ')}]`];
      for (let level = 1; level < harm.levels; level++) {
        lines.push(
          `a${level}: &a${level} [${Array(harm.width)
            .fill(`*a${level - 1}`)
            .join(', ')}]`,
        );
      }
      lines.push(
        'Resources:',
        '  A:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        `      Tags: *a${harm.levels - 1}`,
      );
      return Buffer.from(`${lines.join('\n')}\n`);
    }
    case 'alias-long-scalar': {
      const lines = [
        `s: &s "${'q'.repeat(harm.length)}"`,
        'Resources:',
        '  A:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags:',
      ];
      for (let i = 0; i < harm.aliases; i++) lines.push(`        - {Key: k${i}, Value: *s}`);
      return Buffer.from(`${lines.join('\n')}\n`);
    }
  }
}
