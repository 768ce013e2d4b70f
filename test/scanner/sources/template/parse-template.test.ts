import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_INPUT_LIMITS } from '../../../../scanner/sources/input-limits';
import { parseTemplateFile, parseTemplateText } from '../../../../scanner/sources/template/parse-template';
import { lexguardErrorOf } from '../../../_helpers/errors';
import { fixture } from '../../../_helpers/paths';

function tempFile(name: string, contents: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-parse-')), name);
  writeFileSync(file, contents);
  return file;
}

describe('parseTemplateText', () => {
  it('turns every YAML short form into the long JSON form', () => {
    const [template] = parseTemplateText(
      't.yaml',
      [
        'Resources:',
        '  A:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Ref1: !Ref X',
        '      Att: !GetAtt Key.Arn',
        '      AttDotted: !GetAtt Stack.Outputs.Name',
        '      Joined: !Join ["", [a, !Ref Y]]',
        '      Subbed: !Sub ["${v}", { v: !GetAtt Q.Arn }]',
        '      Chosen: !If [Cond, !Ref A, !Ref "AWS::NoValue"]',
        '      Encoded: !Base64 { "Fn::Sub": "x" }',
        '      Imported: !ImportValue SharedKey',
      ].join('\n'),
    );
    expect(template.body.Resources.A.Properties).toEqual({
      Ref1: { Ref: 'X' },
      Att: { 'Fn::GetAtt': ['Key', 'Arn'] },
      AttDotted: { 'Fn::GetAtt': ['Stack', 'Outputs.Name'] },
      Joined: { 'Fn::Join': ['', ['a', { Ref: 'Y' }]] },
      Subbed: { 'Fn::Sub': ['${v}', { v: { 'Fn::GetAtt': ['Q', 'Arn'] } }] },
      Chosen: { 'Fn::If': ['Cond', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] },
      Encoded: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
      Imported: { 'Fn::ImportValue': 'SharedKey' },
    });
  });

  it('locates resources and properties in YAML and JSON alike', () => {
    const yaml = parseTemplateText(
      't.yaml',
      'Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n',
    )[0];
    expect(yaml.positions.locate(['Resources', 'Docs'])).toEqual({ line: 2, column: 3 });
    expect(yaml.positions.locate(['Resources', 'Docs', 'Properties', 'BucketName'])).toEqual({
      line: 5,
      column: 7,
    });
    const json = parseTemplateText(
      't.json',
      '{\n  "Resources": {\n    "Docs": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": { "BucketName": "x" }\n    }\n  }\n}\n',
    )[0];
    expect(json.positions.locate(['Resources', 'Docs'])).toEqual({ line: 3, column: 5 });
    expect(json.positions.locate(['Resources', 'Docs', 'Properties', 'BucketName'])).toEqual({
      line: 5,
      column: 23,
    });
    expect(json.positions.locate(['Resources', 'Missing'])).toBeUndefined();
  });

  it('locates YAML keys however written, in small mappings and in large ones', () => {
    // 20 resources: a mapping that large is indexed; each resource's own is read key by key.
    const many = Array.from({ length: 20 }, (_, i) => `  R${i}:\n    Type: AWS::SNS::Topic\n`).join('');
    const text = [
      'Resources:',
      many.trimEnd(),
      '  "Quoted \\u0041":',
      '    Type: AWS::S3::Bucket',
      "    'Properties':",
      "      'It''s': x",
      '      ? Explicit',
      '      : y',
      '      "": empty',
      '',
    ].join('\n');
    const { positions } = parseTemplateText('t.yaml', text)[0];
    expect(positions.locate(['Resources', 'R0'])).toEqual({ line: 2, column: 3 });
    expect(positions.locate(['Resources', 'R19', 'Type'])).toEqual({ line: 41, column: 5 });
    expect(positions.locate(['Resources', 'Quoted A'])).toEqual({ line: 42, column: 3 });
    expect(positions.locate(['Resources', 'Quoted A', 'Properties', "It's"])).toEqual({
      line: 45,
      column: 7,
    });
    expect(positions.locate(['Resources', 'Quoted A', 'Properties', 'Explicit'])).toEqual({
      line: 46,
      column: 9,
    });
    expect(positions.locate(['Resources', 'Quoted A', 'Properties', ''])).toEqual({ line: 48, column: 7 });
    expect(positions.locate(['Resources', 'Quoted A', 'Properties', 'It'])).toBeUndefined();
    expect(positions.locate(['Resources', 'R2', 'Typ'])).toBeUndefined();
    expect(positions.locate(['Resources', 'R20'])).toBeUndefined();
  });

  it('splits a multi-document YAML file into one template per document', () => {
    const templates = parseTemplateText(
      't.yaml',
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n---\nResources:\n  B:\n    Type: AWS::KMS::Key\n',
    );
    expect(templates.map((t) => Object.keys(t.body.Resources))).toEqual([['A'], ['B']]);
    expect(templates.map((t) => t.document)).toEqual([0, 1]);
  });

  it.each([
    [
      'broken JSON',
      't.json',
      '{\n  "Resources": {\n    "A": {}\n    "B": {}\n  }\n}',
      4,
      /invalid JSON: comma expected/,
    ],
    ['badly indented YAML', 't.yaml', 'Resources:\n  A:\n    Type: x\n   Bad: y\n', 4, /invalid YAML/],
    [
      'a duplicate YAML key',
      't.yaml',
      'Resources:\n  A:\n    Type: x\n  A:\n    Type: y\n',
      4,
      /invalid YAML: duplicated mapping key/,
    ],
    [
      'a duplicate JSON key (JSON.parse would keep the last silently)',
      't.json',
      '{\n  "Resources": {\n    "A": {"Type": "AWS::S3::Bucket"},\n    "A": {"Type": "AWS::KMS::Key"}\n  }\n}',
      4,
      /invalid JSON: duplicated mapping key/,
    ],
    ['a template without Resources', 't.yaml', 'Description: nothing here\n', 1, /no Resources mapping/],
    ['a YAML list at the top', 't.yaml', '- a\n- b\n', 1, /top level is not a mapping/],
    ['an empty file', 't.yaml', '', 1, /empty/],
  ])('rejects %s with the file and line', (_name, file, text, line, message) => {
    const error = lexguardErrorOf(() => parseTemplateText(file, text));
    expect(error.code).toBe('INPUT_MALFORMED');
    expect(error.position).toMatchObject({ file, line });
    expect(error.message).toMatch(message);
  });

  it('reads an unknown short-form tag as the intrinsic it names, for the resolver to report', () => {
    const [template] = parseTemplateText(
      't.yaml',
      'Resources:\n  A:\n    Properties:\n      X: !Frobnicate y\n',
    );
    expect(template.body.Resources.A.Properties).toEqual({ X: { 'Fn::Frobnicate': 'y' } });
  });

  it('locates a path through short-form intrinsics, and the nearest written ancestor of a computed one', () => {
    const [template] = parseTemplateText(
      't.yaml',
      'Resources:\n  A:\n    Properties:\n      S: !Sub\n        - "${v}"\n        - v: !Ref B\n',
    );
    const sub = ['Resources', 'A', 'Properties', 'S', 'Fn::Sub'];
    expect(template.positions.locate([...sub, 1, 'v', 'Ref'])).toEqual({ line: 6, column: 11 });
    expect(template.positions.locate([...sub, 1, 'missing'])).toBeUndefined();
    expect(template.positions.nearest([...sub, 1, 'missing', 0])).toEqual({ line: 6, column: 11 });
  });

  it.each([
    ['JSON', 't.json', `{"Resources": {"A": ${'['.repeat(150)}${']'.repeat(150)}}}`, 1, 119],
    ['YAML', 't.yaml', `Resources:\n  A: ${'['.repeat(150)}${']'.repeat(150)}\n`, 2, 104],
  ])('refuses %s nested deeper than the limit, naming where', (_kind, file, text, line, column) => {
    const error = lexguardErrorOf(() => parseTemplateText(file, text));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toBe('the template nests deeper than 100 levels (limits.max_nesting_depth)');
    expect(error.position).toEqual({ file, line, column });
  });

  it('accepts aliases that expand modestly', () => {
    const [template] = parseTemplateText(
      't.yaml',
      'Tags: &tags [{Key: owner, Value: legal}]\nResources:\n  A:\n    Properties: {Tags: *tags}\n',
    );
    expect(template.body.Resources.A.Properties).toEqual({ Tags: [{ Key: 'owner', Value: 'legal' }] });
  });

  it('refuses a YAML alias bomb quickly instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    }
    bomb.push('Resources:\n  A:\n    Type: AWS::S3::Bucket');
    const started = Date.now();
    const error = lexguardErrorOf(() => parseTemplateText('bomb.yaml', bomb.join('\n')));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toMatch(/YAML aliases expand the document by more than 100000 values/);
    expect(error.position).toMatchObject({ file: 'bomb.yaml', line: 2 });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('parseTemplateFile', () => {
  it('drops a byte order mark and accepts CRLF line ends', () => {
    const file = tempFile('bom.yaml', '\ufeffResources:\r\n  A:\r\n    Type: AWS::S3::Bucket\r\n');
    expect(Object.keys(parseTemplateFile(file)[0].body.Resources)).toEqual(['A']);
  });

  it('names the line of bytes that are not UTF-8', () => {
    const file = tempFile(
      'latin1.yaml',
      Buffer.concat([
        Buffer.from('Resources:\n  A:\n    Description: caf'),
        Buffer.from([0xe9]),
        Buffer.from('\n'),
      ]),
    );
    const error = lexguardErrorOf(() => parseTemplateFile(file));
    expect(error.code).toBe('INPUT_MALFORMED');
    expect(error.position).toEqual({ file, line: 3 });
  });

  it('refuses a file over the size limit without reading it', () => {
    const file = tempFile('big.json', `{"Resources": {}, "Pad": "${'x'.repeat(2048)}"}`);
    const error = lexguardErrorOf(() =>
      parseTemplateFile(file, { ...DEFAULT_INPUT_LIMITS, maxFileBytes: 1024 }),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toMatch(/over the 1\.0 KiB limit/);
  });

  it('says when a file does not exist', () => {
    const error = lexguardErrorOf(() => parseTemplateFile(fixture('templates', 'missing.yaml')));
    expect(error.code).toBe('INPUT_UNREADABLE');
    expect(error.message).toBe('cannot read: no such file');
  });
});
