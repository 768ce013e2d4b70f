import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli } from '../_helpers/cli';
import { ENCRYPTION_RULES } from '../_helpers/only-rules';
import { fixture, ROOT } from '../_helpers/paths';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

const ASSEMBLY = path.relative(ROOT, fixture('cdk-assembly', 'cdk.out'));
const BIN = path.join(ROOT, 'dist', 'bin', 'lexguard.js');

/** The rows of the rules the assembly was written for (see `ENCRYPTION_RULES`). */
function rows(report: ScanReport): string[] {
  return report.findings
    .filter((f) => ENCRYPTION_RULES.includes(f.rule_id))
    .map((f) => `${f.rule_id} ${f.resource.id} ${f.status}`)
    .sort();
}

/** The committed assembly of test/_fixtures/cdk-assembly (see its README): two stacks, a nested stack, a stage. */
const EXPECTED = [
  'LG-KMS-001 DR/Replica/ReplicaKey4DE8F013 PASS',
  'LG-KMS-001 Keys/DocumentsKeyF8AA898C PASS',
  'LG-KMS-001 Keys/LegacyKey8934A645 FAIL',
  'LG-KMS-001 Storage/AuditKeyB2DBB069 PASS',
  'LG-S3-001 DR/Replica/ReplicaDocuments33A6DEF0 PASS',
  'LG-S3-001 Storage/AuditNestedStackAuditNestedStackResourceF69BD105/AuditBucketB01E0AE8 PASS',
  'LG-S3-001 Storage/Documents7E5B2978 PASS',
  'LG-S3-001 Storage/ScratchF72D2ED6 FAIL',
  'LG-S3-003 DR/Replica/ReplicaDocuments33A6DEF0 PASS',
  'LG-S3-003 Storage/AuditNestedStackAuditNestedStackResourceF69BD105/AuditBucketB01E0AE8 PASS',
  'LG-S3-003 Storage/Documents7E5B2978 PASS',
  'LG-S3-003 Storage/ScratchF72D2ED6 FAIL',
];

describe('lexguard scan assembly', () => {
  let report: ScanReport;
  let code: number;
  beforeAll(async () => {
    const run = await runCli(['scan', 'assembly', ASSEMBLY, '--format', 'json']);
    code = run.code;
    report = parseScanReport(run.stdout, 'report');
  });

  it('judges every stack, the stage and the nested stack as one model, exit code 1 on the failures', () => {
    expect(code).toBe(1);
    expect(report.errors).toEqual([]);
    expect(rows(report)).toEqual(EXPECTED);
    expect(report.scan.targets.map((t) => path.relative(ASSEMBLY, t)).sort()).toEqual([
      'Keys.template.json',
      'Storage.template.json',
      'StorageAudit1C240FF3.nested.template.json',
      path.join('assembly-DR', 'DRReplica49174554.template.json'),
    ]);
  });

  it('follows Fn::ImportValue to the key the other stack exports: its rotation decides the bucket', () => {
    const documents = report.findings.find(
      (f) => f.rule_id === 'LG-S3-001' && f.resource.id === 'Storage/Documents7E5B2978',
    );
    expect(documents?.message).toBe('default encryption is SSE-KMS with a customer managed key');
  });

  it('names each finding’s stack, construct path, file and line', () => {
    const legacy = report.findings.find((f) => f.resource.id === 'Keys/LegacyKey8934A645');
    expect(legacy?.location).toMatchObject({
      kind: 'template',
      file: path.join(ASSEMBLY, 'Keys.template.json'),
      line: 41,
      logical_id: 'LegacyKey8934A645',
      construct_path: 'Keys/LegacyKey/Resource',
      stack: 'Keys',
    });
    const replica = report.findings.find((f) => f.resource.id === 'DR/Replica/ReplicaKey4DE8F013');
    expect(replica?.location).toMatchObject({
      stack: 'DR-Replica',
      construct_path: 'DR/Replica/ReplicaKey/Resource',
    });
  });

  it('refuses a folder without a manifest with exit code 2 and one line', async () => {
    const run = await runCli(['scan', 'assembly', path.relative(ROOT, fixture('corpus'))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^lexguard: test\/_fixtures\/corpus: not a cloud assembly: it has no manifest.json/,
    );
  });

  it('reports a cycle of exports and a missing nested template, and still scans the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-assembly-'));
    const stack = (name: string, template: object): object => {
      writeFileSync(path.join(dir, `${name}.template.json`), JSON.stringify(template, null, 1));
      return {
        type: 'aws:cloudformation:stack',
        environment: 'aws://unknown-account/unknown-region',
        properties: { templateFile: `${name}.template.json` },
      };
    };
    const exporting = (name: string, imported: string): object => ({
      Resources: {
        Bucket: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            BucketEncryption: {
              ServerSideEncryptionConfiguration: [
                {
                  ServerSideEncryptionByDefault: {
                    SSEAlgorithm: 'aws:kms',
                    KMSMasterKeyID: { 'Fn::ImportValue': imported },
                  },
                },
              ],
            },
          },
        },
        Nested: {
          Type: 'AWS::CloudFormation::Stack',
          Metadata: { 'aws:asset:path': 'gone.nested.template.json', 'aws:asset:property': 'TemplateURL' },
        },
      },
      Outputs: { Out: { Value: { 'Fn::ImportValue': imported }, Export: { Name: name } } },
    });
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: {
          A: stack('A', exporting('ExportA', 'ExportB')),
          B: stack('B', exporting('ExportB', 'ExportA')),
        },
      }),
    );
    const run = await runCli(['scan', 'assembly', dir, '--format', 'json']);
    const cyclic = parseScanReport(run.stdout, 'report');
    expect(run.code).toBe(2);
    expect(cyclic.errors.map((e) => `${path.basename(e.file ?? '')}:${e.line} ${e.message}`)).toEqual([
      'A.template.json:20 the template of nested stack Nested (gone.nested.template.json) is not in the assembly',
      'B.template.json:20 the template of nested stack Nested (gone.nested.template.json) is not in the assembly',
    ]);
    expect(rows(cyclic)).toContain('LG-S3-001 A/Bucket UNKNOWN');
    expect(cyclic.notes.some((n) => /part of a cycle of stack outputs and imports/.test(n.message))).toBe(
      true,
    );
  });
});

describe('lexguard scan assembly with conditions a stack cannot decide', () => {
  it('judges every branch and names the stack and condition of each finding that depends on one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-assembly-'));
    writeFileSync(
      path.join(dir, 'App.template.json'),
      JSON.stringify({
        Parameters: { UseKms: { Type: 'String', AllowedValues: ['yes', 'no'] } },
        Conditions: { Kms: { 'Fn::Equals': [{ Ref: 'UseKms' }, 'yes'] } },
        Resources: {
          Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
          Docs: {
            Type: 'AWS::S3::Bucket',
            Properties: {
              BucketEncryption: {
                ServerSideEncryptionConfiguration: [
                  {
                    ServerSideEncryptionByDefault: {
                      SSEAlgorithm: { 'Fn::If': ['Kms', 'aws:kms', 'AES256'] },
                      KMSMasterKeyID: {
                        'Fn::If': ['Kms', { 'Fn::GetAtt': ['Key', 'Arn'] }, { Ref: 'AWS::NoValue' }],
                      },
                    },
                  },
                ],
              },
            },
          },
        },
      }),
    );
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: {
          App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } },
        },
      }),
    );
    const run = await runCli(['scan', 'assembly', dir, '--format', 'json']);
    const report = parseScanReport(run.stdout, 'report');
    expect(
      report.findings
        .filter((f) => f.rule_id === 'LG-S3-001')
        .map((f) => `${f.status} ${f.scenario}`)
        .sort(),
    ).toEqual(['FAIL App:Kms=false', 'PASS App:Kms=true']);
    const decided = await runCli(['scan', 'assembly', dir, '--param', 'UseKms=yes', '--format', 'json']);
    expect(rows(parseScanReport(decided.stdout, 'report'))).toContain('LG-S3-001 App/Docs PASS');
  });
});

describe('lexguard scan cdk', () => {
  function project(app: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-'));
    writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app, versionReporting: false }));
    return dir;
  }

  it('synthesizes the app of cdk.json with the real CDK toolchain and scans its assembly', () => {
    const dir = project(`${path.join(ROOT, 'node_modules', '.bin', 'tsx')} app.ts`);
    cpSync(fixture('cdk-assembly', 'bin', 'app.ts'), path.join(dir, 'app.ts'));
    const run = spawnSync(process.execPath, [BIN, 'scan', 'cdk', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = parseScanReport(run.stdout, 'report');
    expect(rows(report)).toEqual(EXPECTED);
    expect(report.scan.targets).toContain(path.join('cdk.out', 'Keys.template.json'));
  });

  it('fails with exit code 2 and the end of the app’s output when the synth fails', () => {
    const dir = project(`node -e "console.error('Error: Cannot find construct Docs'); process.exit(3)"`);
    const run = spawnSync(process.execPath, [BIN, 'scan', 'cdk'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^lexguard: cdk\.json: the CDK app \(node -e .*\) exited with code 3; the end of its output:\n {2}Error: Cannot find construct Docs\n$/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
