import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli } from '../_helpers/cli';
import { onlyRulesConfig } from '../_helpers/only-rules';
import { fixture, ROOT } from '../_helpers/paths';
import { reportSchemaValidator, sarifSchemaValidator } from '../_helpers/schemas';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

const relative = (...parts: string[]): string => path.relative(ROOT, fixture(...parts));
const bad = relative('templates', 'bad.yaml');
const metadata = relative('suppressions', 'metadata.yaml');
const central = relative('suppressions', 'central.yaml');

/** `lexguard scan template …` with only the rules bad.yaml was written for (see `onlyRulesConfig`). */
function scan(args: string[]): ReturnType<typeof runCli> {
  return runCli(['scan', 'template', ...args, '--config', onlyRulesConfig()]);
}

function verdicts(report: ScanReport): string[] {
  return report.findings.map((f) => `${f.rule_id} ${f.resource.id} ${f.status}`).sort();
}

async function jsonScan(...args: string[]): Promise<{ code: number; report: ScanReport; stderr: string }> {
  const run = await scan([...args, '--format', 'json']);
  return { code: run.code, report: parseScanReport(run.stdout, 'report'), stderr: run.stderr };
}

function tempFile(name: string, text?: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-gate-')), name);
  if (text !== undefined) writeFileSync(file, text);
  return file;
}

describe('suppressions in resource Metadata', () => {
  it('waives what a suppression in force covers, fails again what an expired one covered, and lists every suppression', async () => {
    const { code, report } = await jsonScan(metadata);
    expect(code).toBe(1);
    expect(verdicts(report)).toEqual([
      'LG-KMS-001 metadata/RotatingKey PASS',
      'LG-S3-001 metadata/LapsedBucket FAIL',
      'LG-S3-001 metadata/WaivedBucket WAIVED',
      'LG-S3-003 metadata/LapsedBucket PASS',
      'LG-S3-003 metadata/WaivedBucket PASS',
    ]);
    const waived = report.findings.find((f) => f.status === 'WAIVED');
    expect(waived?.waiver).toEqual({
      reason: 'Vendor replica; key migration tracked in RISK-12',
      owner: 'platform-team',
      expires: '2099-12-31',
      source: `${metadata}:9:13 (Metadata of WaivedBucket)`,
      written_in: 'resource_metadata',
    });
    const lapsed = report.findings.find(
      (f) => f.resource.id === 'metadata/LapsedBucket' && f.status === 'FAIL',
    );
    expect(lapsed?.lapsed_waiver).toMatchObject({ expires: '2020-09-30', owner: 'records-team' });
    expect(report.suppressions.map((s) => [s.covers, s.state, s.matched])).toEqual([
      ['resource metadata/WaivedBucket', 'active', 1],
      ['resource metadata/LapsedBucket', 'expired', 1],
      ['resource metadata/RotatingKey', 'active', 0],
    ]);
  });

  it('reports a suppression that matches nothing, and fails the gate on it only with --strict-suppressions', async () => {
    const onlyUnused = tempFile(
      'unused.yaml',
      readFileSync(fixture('suppressions', 'metadata.yaml'), 'utf8').replace(
        'expires: "2020-09-30"',
        'expires: "2099-09-30"',
      ),
    );
    const relaxed = await scan([onlyUnused]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('Suppressions to review:');
    expect(relaxed.stdout).toMatch(
      /LG-KMS-001 for resource unused\/RotatingKey .*matches no FAIL or UNKNOWN finding/,
    );
    const strict = await scan([onlyUnused, '--strict-suppressions']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('FAILED, 1 suppression(s) match nothing');
  });

  it('rejects a suppression without a reason with file and position, exit 2, and still scans the rest', async () => {
    const file = relative('suppressions', 'bad-metadata.json');
    const { code, report, stderr } = await jsonScan(file);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `lexguard: ${file}:8:13: Metadata.lexguard of UnjustifiedBucket: suppressions[0].reason is required\n`,
    );
    expect(verdicts(report)).toEqual([
      'LG-KMS-001 bad-metadata/OtherKey FAIL',
      'LG-S3-001 bad-metadata/UnjustifiedBucket FAIL',
      'LG-S3-003 bad-metadata/UnjustifiedBucket FAIL',
    ]);
  });
});

describe('the central suppressions file', () => {
  it('waives by logical id and resource glob, and reports the suppression that matches nothing', async () => {
    const { code, report } = await jsonScan(bad, '--suppressions', central);
    expect(code).toBe(1);
    expect(verdicts(report).filter((v) => v.endsWith('WAIVED'))).toEqual([
      'LG-KMS-001 bad/StaticKey WAIVED',
      'LG-S3-001 bad/PlainBucket WAIVED',
    ]);
    expect(
      report.findings.find((f) => f.status === 'WAIVED' && f.rule_id === 'LG-S3-001')?.waiver,
    ).toMatchObject({
      owner: 'security-team',
      source: `${central}:3:5`,
      written_in: 'suppressions_file',
    });
    expect(report.suppressions.filter((s) => s.matched === 0).map((s) => s.covers)).toEqual([
      'construct_path DocumentStore/Archive/**',
    ]);
  });

  it('refuses the whole file before scanning when a suppression has no owner, naming file, line and column', async () => {
    const file = relative('suppressions', 'missing-owner.yaml');
    const run = await scan([bad, '--suppressions', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`lexguard: ${file}:7:5: suppressions[1].owner is required\n`);
  });

  const entry = (fields: string): string =>
    `suppressions:\n  - rule: LG-S3-001\n    reason: accepted\n    owner: security-team\n${fields}`;
  it.each([
    [
      'an impossible date',
      entry('    logical_id: PlainBucket\n    expires: "2026-02-30"\n'),
      '6:5: suppressions[0].expires is not a date',
    ],
    [
      'no target',
      entry('    expires: "2099-01-01"\n'),
      '2:5: suppressions[0] names no resource, logical_id or construct_path to apply to',
    ],
    [
      'an unknown key',
      entry('    logical_id: PlainBucket\n    stack: Archive\n    expires: "2099-01-01"\n'),
      '6:5: suppressions[0].stack is not a suppressions file key',
    ],
    [
      'an empty reason',
      entry('    logical_id: PlainBucket\n    expires: "2099-01-01"\n').replace('accepted', '""'),
      '3:5: suppressions[0].reason must NOT have fewer than 1 characters',
    ],
  ])('refuses %s', async (_name, text, message) => {
    const file = tempFile('suppressions.yaml', text);
    const run = await scan([bad, '--suppressions', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lexguard: ${file}:${message}\n`);
  });
});

describe('several outputs in one run', () => {
  it('writes each format to its file and the table to standard output, each valid for its consumers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-formats-'));
    const out = (name: string): string => path.join(dir, name);
    const run = await scan([
      bad,
      metadata,
      '--suppressions',
      central,
      '--format',
      'table',
      '--format',
      `json=${out('report.json')}`,
      '--format',
      `sarif=${out('report.sarif')}`,
      '-f',
      `junit=${out('junit.xml')}`,
      '-f',
      `markdown=${out('summary.md')}`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^lexguard .* · policy/);
    expect(Object.keys(run.files).sort()).toEqual(
      ['junit.xml', 'report.json', 'report.sarif', 'summary.md'].map(out),
    );
    const validateReport = reportSchemaValidator();
    expect(validateReport(JSON.parse(run.files[out('report.json')]))).toBe(true);

    const validateSarif = sarifSchemaValidator();
    expect(validateSarif(JSON.parse(run.files[out('report.sarif')]))).toBe(true);
    expect(validateSarif.errors ?? null).toBeNull();

    const xml = run.files[out('junit.xml')];
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string };
    };
    const report = parseScanReport(run.files[out('report.json')], 'report');
    expect(Number(parsed.testsuites.tests)).toBe(report.findings.length);
    expect(Number(parsed.testsuites.failures)).toBe(
      report.findings.filter((f) => f.status === 'FAIL').length,
    );
    expect(run.files[out('summary.md')]).toMatch(/^## lexguard: failed/);
  });

  it.each([
    [['-f', 'json', '-f', 'sarif'], 'only one report can go to standard output, but json and sarif would'],
    [
      ['-f', 'json', '-f', 'sarif', '-o', 'x'],
      '--output names the file of the one --format given without one, but 2 are',
    ],
    [['-f', 'json=a', '-f', 'sarif=a'], 'two reports would be written to a'],
    [
      ['-f', 'pdf'],
      'unknown format "pdf"; choose one of table, json, sarif, junit, markdown, html, audit-md, csv, audit-json',
    ],
  ])('refuses %j before scanning, with exit code 2', async (args, message) => {
    const run = await scan([bad, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('baselines', () => {
  it('fails only on findings not in a baseline written by --write-baseline', async () => {
    const baseline = tempFile('baseline.json');
    const first = await scan([bad, '--write-baseline', baseline]);
    expect(first.code).toBe(1);
    writeFileSync(baseline, first.files[baseline]);
    const written = JSON.parse(first.files[baseline]) as { findings: Array<{ status: string }> };
    expect(written.findings.map((f) => f.status).sort()).toEqual([
      'FAIL',
      'FAIL',
      'FAIL',
      'FAIL',
      'FAIL',
      'UNKNOWN',
      'UNKNOWN',
    ]);

    const same = await scan([bad, '--baseline', baseline, '--fail-on-unknown']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('[in baseline]');

    const withNew = await jsonScan(
      bad,
      relative('suppressions', 'bad-metadata.json'),
      '--baseline',
      baseline,
    );
    expect(withNew.code).toBe(2); // the bad Metadata block is an input error, whatever the baseline says
    const gate = await scan([bad, metadata, '--baseline', baseline]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('FAILED, 1 finding(s)');
  });

  it('takes a previous JSON report as the baseline', async () => {
    const previous = tempFile('previous.json', (await scan([bad, '--format', 'json'])).stdout);
    expect((await scan([bad, '--baseline', previous])).code).toBe(0);
  });

  it('refuses a file that is neither a baseline nor a JSON report', async () => {
    const notBaseline = tempFile('config.json', '{"approved_regions": []}');
    const run = await scan([bad, '--baseline', notBaseline]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `lexguard: ${notBaseline}: not a baseline: expected a file written by --write-baseline or a lexguard JSON report\n`,
    );
  });
});
