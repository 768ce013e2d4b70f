import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli } from '../_helpers/cli';
import { fixture, ROOT } from '../_helpers/paths';

const templates = (name: string): string => path.relative(ROOT, fixture('templates', name));

/** `rule resource status` lines, sorted: the exact set of verdicts a scan gave. */
function verdicts(report: ScanReport): string[] {
  return report.findings.map((f) => `${f.rule_id} ${f.resource.id} ${f.status}`).sort();
}

describe('lexguard scan template', () => {
  it('passes a compliant CDK-style JSON template with exit code 0', async () => {
    const run = await runCli(['scan', 'template', templates('good.json'), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(verdicts(JSON.parse(run.stdout) as ScanReport)).toEqual([
      'LG-KMS-001 good/DocumentsKey3A9A6E5B PASS',
      'LG-S3-001 good/DocumentsBucketA1B2C3D4 PASS',
      'LG-S3-003 good/DocumentsBucketA1B2C3D4 PASS',
    ]);
  });

  it('gives exactly the expected findings on the bad YAML template, with exit code 1', async () => {
    const run = await runCli(['scan', 'template', templates('bad.yaml'), '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(verdicts(report)).toEqual([
      'LG-KMS-001 bad/SigningKey NOT_APPLICABLE',
      'LG-KMS-001 bad/StaticKey FAIL',
      'LG-S3-001 bad/AwsManagedKeyBucket FAIL',
      'LG-S3-001 bad/ImportedKeyBucket UNKNOWN',
      'LG-S3-001 bad/PlainBucket FAIL',
      'LG-S3-003 bad/AwsManagedKeyBucket FAIL',
      'LG-S3-003 bad/ImportedKeyBucket UNKNOWN',
      'LG-S3-003 bad/PlainBucket FAIL',
    ]);
    const unknownKey = report.findings.find((f) => f.rule_id === 'LG-S3-001' && f.status === 'UNKNOWN');
    expect(unknownKey?.message).toMatch(/Fn::ImportValue SharedDocumentsKeyArn/);
    expect(unknownKey?.location).toMatchObject({
      kind: 'template',
      file: templates('bad.yaml'),
      logical_id: 'ImportedKeyBucket',
      line: 37,
      property_path:
        'Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID',
    });
    const noPolicy = report.findings.find(
      (f) => f.rule_id === 'LG-S3-003' && f.resource.id === 'bad/AwsManagedKeyBucket',
    );
    expect(noPolicy?.location).toMatchObject({
      line: 23,
      property_path: 'AwsManagedKeyBucketPolicy.Properties.PolicyDocument',
    });
  });

  it('prints a readable table naming the rule, resource, file and line', async () => {
    const run = await runCli(['scan', 'template', templates('bad.yaml')]);
    expect(run.stdout).toContain('FAIL           MEDIUM   LG-KMS-001  StaticKey');
    expect(run.stdout).toContain(`${templates('bad.yaml')}:54:7`);
    expect(run.stdout).toMatch(/Summary: 5 FAIL, 0 ERROR, 2 UNKNOWN, 0 WAIVED, 0 PASS, 1 NOT_APPLICABLE/);
    expect(run.stdout).toMatch(/Gate \(--fail-on LOW\): FAILED, 5 finding\(s\)/);
  });

  it('passes the gate when only findings below --fail-on fail', async () => {
    const run = await runCli(['scan', 'template', templates('bad.yaml'), '--fail-on', 'critical']);
    expect(run.code).toBe(0);
  });

  it('fails on UNKNOWN only when asked to', async () => {
    const onlyUnknown = ['scan', 'template', templates('unknown-only.yaml')];
    expect((await runCli(onlyUnknown)).code).toBe(0);
    expect((await runCli([...onlyUnknown, '--fail-on-unknown'])).code).toBe(1);
  });

  it.each([
    ['malformed.json', 7, 5, 'invalid JSON: comma expected'],
    ['malformed.yaml', 6, 1, 'invalid YAML: All mapping items must start at the same column'],
  ])('gives exit code 2 and one line naming file and line for %s', async (name, line, column, message) => {
    const run = await runCli(['scan', 'template', templates(name)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lexguard: ${templates(name)}:${line}:${column}: ${message}\n`);
  });

  it('still scans the good files when one file in a directory is bad', async () => {
    const run = await runCli([
      'scan',
      'template',
      path.relative(ROOT, fixture('templates')),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(report.errors.map((e) => path.basename(e.file ?? ''))).toEqual([
      'malformed.json',
      'malformed.yaml',
    ]);
    expect(new Set(report.findings.map((f) => f.resource.id.split('/')[0]))).toEqual(
      new Set(['bad', 'good', 'unknown-only']),
    );
  });

  it('rejects an unknown option with exit code 2', async () => {
    const run = await runCli(['scan', 'template', templates('good.json'), '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--frobnicate'/);
  });

  it('refuses a bad configuration file before scanning, with exit code 2', async () => {
    const config = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-cli-')), 'lexguard.config.yaml');
    writeFileSync(config, 'approved_regions: [mars-north-1x]\n');
    const run = await runCli(['scan', 'template', templates('good.json'), '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `lexguard: ${config}:1:20: approved_regions[0] must match pattern "^[a-z]{2}(-[a-z]+)+-[0-9]$"\n`,
    );
  });

  it('does not run the rules the configuration skips', async () => {
    const config = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-cli-')), 'lexguard.config.yaml');
    writeFileSync(config, 'rules:\n  skip: [LG-KMS-001]\n');
    const run = await runCli([
      'scan',
      'template',
      templates('bad.yaml'),
      '--config',
      config,
      '--format',
      'json',
    ]);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(report.findings.some((f) => f.rule_id === 'LG-KMS-001')).toBe(false);
    expect(report.policy.rules).toBe(2);
  });

  it('writes the report to --output', async () => {
    const run = await runCli([
      'scan',
      'template',
      templates('good.json'),
      '--format',
      'json',
      '--output',
      'out.json',
    ]);
    expect(run.stdout).toBe('');
    expect((JSON.parse(run.files['out.json']) as ScanReport).summary.by_status.PASS).toBe(3);
  });
});

describe('the lexguard executable', () => {
  it('runs from the compiled build with the exit code of the scan and no stack trace', () => {
    const bin = path.join(ROOT, 'dist', 'bin', 'lexguard.js');
    const bad = spawnSync(process.execPath, [bin, 'scan', 'template', templates('bad.yaml')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    const broken = spawnSync(process.execPath, [bin, 'scan', 'template', templates('malformed.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(
      `lexguard: ${templates('malformed.json')}:7:5: invalid JSON: comma expected\n`,
    );
    const example = spawnSync(process.execPath, [bin, 'scan', 'template', 'examples/document-store.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(example.status).toBe(0);
  });
});
