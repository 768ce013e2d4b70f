import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli } from '../_helpers/cli';
import { ENCRYPTION_RULES, onlyRulesConfig, rulesOfAreas } from '../_helpers/only-rules';
import { fixture, ROOT } from '../_helpers/paths';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

const templates = (name: string): string => path.relative(ROOT, fixture('templates', name));

/** `rule resource status` lines, sorted: the exact set of verdicts a scan gave (of the given rules only). */
function verdicts(report: ScanReport, rules?: string[]): string[] {
  return report.findings
    .filter((f) => !rules || rules.includes(f.rule_id))
    .map((f) => `${f.rule_id} ${f.resource.id} ${f.status}`)
    .sort();
}

const DEPLOYMENT = ['-p', 'AWS::Region=eu-west-1', '-p', 'AWS::AccountId=111122223333'];

/** good.json and unknown-only.yaml are storage templates: judged by the S3 and KMS rules. */
const STORAGE = (): string[] => ['--config', onlyRulesConfig(rulesOfAreas('S3', 'KMS'))];

describe('lexguard scan template', () => {
  it('passes a CDK-style JSON template that meets every storage control with exit code 0', async () => {
    const run = await runCli([
      'scan',
      'template',
      templates('good.json'),
      ...DEPLOYMENT,
      ...STORAGE(),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = parseScanReport(run.stdout, 'report');
    expect(report.findings.filter((f) => f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE')).toEqual([]);
    expect(verdicts(report, ENCRYPTION_RULES)).toEqual([
      'LG-KMS-001 good/DocumentsKey3A9A6E5B PASS',
      'LG-S3-001 good/AccessLogs5C9D2E1F NOT_APPLICABLE',
      'LG-S3-001 good/DocumentsBucketA1B2C3D4 PASS',
      'LG-S3-003 good/AccessLogs5C9D2E1F PASS',
      'LG-S3-003 good/DocumentsBucketA1B2C3D4 PASS',
    ]);
  });

  it('answers UNKNOWN, never PASS, for what the template alone does not show', async () => {
    const run = await runCli(['scan', 'template', templates('good.json'), ...STORAGE(), '--format', 'json']);
    expect(run.code).toBe(0);
    const report = parseScanReport(run.stdout, 'report');
    expect(verdicts(report).filter((line) => !/ (PASS|NOT_APPLICABLE)$/.test(line))).toEqual([
      // The key policy's principal is the deploying account's root, built from AWS::AccountId.
      'LG-KMS-002 good/DocumentsKey3A9A6E5B UNKNOWN',
      'LG-KMS-005 good/DocumentsKey3A9A6E5B UNKNOWN',
      'LG-S3-015 good/AccessLogs5C9D2E1F UNKNOWN',
      'LG-S3-015 good/DocumentsBucketA1B2C3D4 UNKNOWN',
    ]);
    const tls = report.findings.find((f) => f.rule_id === 'LG-S3-003');
    expect(tls?.frameworks).toMatchObject({ 'cis-aws': ['2.1.1'], 'nist-800-53': ['SC-8', 'SC-8(1)'] });
    const region = report.findings.find((f) => f.rule_id === 'LG-S3-015');
    expect(region?.message).toBe('region could not be determined: the region is only known at deploy time');
  });

  it('gives exactly the expected findings on the bad YAML template, with exit code 1', async () => {
    const run = await runCli(['scan', 'template', templates('bad.yaml'), '--format', 'json']);
    expect(run.code).toBe(1);
    const report = parseScanReport(run.stdout, 'report');
    expect(verdicts(report, ENCRYPTION_RULES)).toEqual([
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
    const report = parseScanReport(
      (await runCli(['scan', 'template', templates('bad.yaml'), '--format', 'json'])).stdout,
      'stdout',
    );
    const { FAIL, UNKNOWN, PASS, NOT_APPLICABLE } = report.summary.by_status;
    expect(run.stdout).toContain(
      `Summary: ${FAIL} FAIL, 0 ERROR, ${UNKNOWN} UNKNOWN, 0 WAIVED, ${PASS} PASS, ${NOT_APPLICABLE} NOT_APPLICABLE`,
    );
    expect(run.stdout).toContain(`Gate (--fail-on LOW): FAILED, ${FAIL} finding(s)`);
  });

  it('passes the gate when only findings below --fail-on fail', async () => {
    const run = await runCli(['scan', 'template', templates('bad.yaml'), '--fail-on', 'critical']);
    expect(run.code).toBe(0);
  });

  it('fails on UNKNOWN only when asked to', async () => {
    const onlyUnknown = ['scan', 'template', templates('unknown-only.yaml'), ...STORAGE()];
    expect((await runCli(onlyUnknown)).code).toBe(0);
    expect((await runCli([...onlyUnknown, '--fail-on-unknown'])).code).toBe(1);
  });

  it.each([
    ['malformed.json', 7, 5, 'invalid JSON: comma expected'],
    ['malformed.yaml', 6, 6, 'invalid YAML: bad indentation of a mapping entry'],
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
    const report = parseScanReport(run.stdout, 'report');
    expect(report.errors.map((e) => path.basename(e.file ?? ''))).toEqual([
      'malformed.json',
      'malformed.yaml',
    ]);
    const resources = report.findings.filter((f) => f.resource.kind !== 'scope');
    expect(new Set(resources.map((f) => f.resource.id.split('/')[0]))).toEqual(
      new Set(['bad', 'good', 'unknown-only']),
    );
  });

  describe('parameters', () => {
    const conditional = path.relative(ROOT, fixture('corpus', 'conditional-kms.yaml'));
    const parameters = (name: string): string => path.relative(ROOT, fixture('parameters', name));
    const rows = (run: { stdout: string }): string[] =>
      parseScanReport(run.stdout, 'report')
        .findings.filter((f) => ENCRYPTION_RULES.includes(f.rule_id))
        .map(
          (f) =>
            `${f.rule_id} ${f.resource.id.split('/')[1]} ${f.status}${f.scenario ? ` when ${f.scenario}` : ''}`,
        )
        .sort();

    it('decides the conditions from a parameter file in the AWS CLI form, judging one scenario', async () => {
      const run = await runCli([
        'scan',
        'template',
        conditional,
        '--parameters',
        parameters('cli-form.json'),
        '-f',
        'json',
      ]);
      expect(rows(run)).toEqual([
        'LG-KMS-001 ArchiveKey PASS',
        'LG-S3-001 Documents FAIL',
        'LG-S3-003 Documents PASS',
      ]);
    });

    it('reads a plain map, and lets --param win over the file', async () => {
      const fromFile = await runCli([
        'scan',
        'template',
        conditional,
        '--parameters',
        parameters('plain-map.yaml'),
        '-f',
        'json',
      ]);
      expect(rows(fromFile)).toContain('LG-KMS-001 ArchiveKey FAIL');
      const overridden = await runCli([
        'scan',
        'template',
        conditional,
        '--parameters',
        parameters('plain-map.yaml'),
        '--param',
        'Environment=dev',
        '-f',
        'json',
      ]);
      expect(rows(overridden)).toContain('LG-KMS-001 ArchiveKey PASS');
      expect(rows(overridden)).toContain('LG-S3-001 Documents PASS');
    });

    it('refuses a malformed parameter file with its position, before scanning', async () => {
      const run = await runCli([
        'scan',
        'template',
        conditional,
        '--parameters',
        parameters('bad-entry.json'),
      ]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`lexguard: ${parameters('bad-entry.json')}:3:3: entry 2 has no ParameterKey\n`);
    });

    it('takes pseudo parameters with --param, and refuses those only CloudFormation knows', async () => {
      const template = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-cli-')), 'region.yaml');
      writeFileSync(
        template,
        'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !Sub arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd\n',
      );
      const messageOf = (run: { stdout: string }): string | undefined =>
        parseScanReport(run.stdout, 'report').findings.find((f) => f.rule_id === 'LG-S3-001')?.message;
      const unknownRegion = await runCli(['scan', 'template', template, '-f', 'json']);
      expect(messageOf(unknownRegion)).not.toMatch(/eu-west-1/);
      const known = await runCli([
        'scan',
        'template',
        template,
        '-p',
        'AWS::Region=eu-west-1',
        '-p',
        'AWS::AccountId=111122223333',
        '-f',
        'json',
      ]);
      expect(messageOf(known)).toMatch(
        /arn:aws:kms:eu-west-1:111122223333:key\/1234abcd is outside the scanned scope/,
      );
      const refused = await runCli(['scan', 'template', template, '-p', 'AWS::StackId=x']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/AWS::StackId cannot be given/);
    });
  });

  it('expands glob patterns, and says when one matches nothing', async () => {
    const pattern = `${path.relative(ROOT, fixture('corpus'))}/*.json`;
    const run = await runCli(['scan', 'template', pattern, 'nothing-here/*.yaml', '-f', 'json']);
    const report = parseScanReport(run.stdout, 'report');
    expect(report.scan.targets.map((t) => path.basename(t))).toEqual([
      'cdk-document-store.json',
      'policy-by-name.json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lexguard: nothing-here/*.yaml: no file matches this pattern\n');
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

  it('judges the practices no API shows from --attestations, and refuses a bad attestations file', async () => {
    const attestations = (name: string): string => path.relative(ROOT, fixture('attestations', name));
    const args = ['scan', 'template', templates('good.json'), '--config', onlyRulesConfig(['LG-ATT-001'])];
    const run = await runCli([...args, '--attestations', attestations('firm.yaml'), '--format', 'json']);
    // The last restore test was attested until 2026-04-01: it has lapsed.
    expect(run.code).toBe(1);
    const report = parseScanReport(run.stdout, 'report');
    expect(verdicts(report)).toContain('LG-ATT-001 CP-10.restore-tests FAIL');
    expect(verdicts(report)).toContain('LG-ATT-001 CP-04.access-review UNKNOWN');
    expect(report.attestations?.['CP-10.restore-tests']).toMatchObject({ owner: 'platform-team' });
    const refused = await runCli([...args, '--attestations', attestations('unknown-control.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^lexguard: .*unknown-control\.yaml:7:3: CP-15\.trainng is not an attested control of the catalog/,
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
    const report = parseScanReport(run.stdout, 'report');
    expect(report.findings.some((f) => f.rule_id === 'LG-KMS-001')).toBe(false);
    expect(report.findings.some((f) => f.rule_id === 'LG-KMS-002')).toBe(true);
    const unskipped = parseScanReport(
      (await runCli(['scan', 'template', templates('bad.yaml'), '--format', 'json'])).stdout,
      'stdout',
    );
    expect(report.policy.rules).toBe(unskipped.policy.rules - 1);
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
    const report = parseScanReport(run.files['out.json'], 'report');
    expect(report.scan.targets).toEqual([templates('good.json')]);
    expect(report.summary.by_status.PASS).toBe(report.findings.filter((f) => f.status === 'PASS').length);
    expect(report.summary.by_status.PASS).toBeGreaterThan(0);
  });
});

describe('the lexguard executable', () => {
  it('is the bundled CLI, with a code cache made for exactly that bundle', () => {
    const bundle = path.join(ROOT, 'dist', 'cli', 'lexguard.js');
    const digest = createHash('sha256').update(readFileSync(bundle, 'utf8')).digest();
    expect(readFileSync(`${bundle}.cache`).subarray(0, digest.length)).toEqual(digest);
    expect(readFileSync(path.join(ROOT, 'dist', 'bin', 'lexguard.js'), 'utf8')).toContain(
      "'cli', 'lexguard.js'",
    );
  });

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
