import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { readPolicyBundle } from '../../scanner/engine/policy-bundle';
import { runCli } from '../_helpers/cli';
import { fixture } from '../_helpers/paths';
import { tempDirs } from '../_helpers/temp-dirs';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

/**
 * `lexguard verify`: a report made here verifies; one judged by other rules, edited after the fact, or
 * not a scan report at all does not, and each says why (the file, and the position for bad JSON).
 */
const tempDir = tempDirs('verify');
let report: ScanReport;
let text: string;

beforeAll(async () => {
  const run = await runCli(['scan', 'template', fixture('templates', 'bad.yaml'), '-f', 'json']);
  expect(run.code).toBe(1);
  text = run.stdout;
  report = parseScanReport(text, 'report');
});

function write(name: string, contents: string): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, contents);
  return file;
}

describe('lexguard verify', () => {
  it('verifies a report made with the installed bundle, naming its digest', async () => {
    const file = write('scan.json', text);
    const run = await runCli(['verify', file]);
    const digest = readPolicyBundle().manifest.source_digest;
    expect(report.policy.digest).toBe(digest);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `${file}: verified: policy ${digest.slice(0, 12)} (${report.policy.rules} rules), summary consistent\n`,
    );
  });

  it('refuses a report judged by another policy bundle', async () => {
    const other = { ...report, policy: { ...report.policy, digest: 'f'.repeat(64) } };
    const file = write('other.json', JSON.stringify(other));
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `lexguard: ${file}: its policy digest ${'f'.repeat(64)} is not the installed bundle's`,
    );
  });

  it('refuses a report whose finding was turned into a PASS after the scan', async () => {
    const findings = report.findings.map((finding, i) =>
      i === report.findings.findIndex((f) => f.status === 'FAIL')
        ? { ...finding, status: 'PASS' as const }
        : finding,
    );
    const file = write('edited.json', JSON.stringify({ ...report, findings }));
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `lexguard: ${file}: its summary does not count its findings (a status or finding was edited)\n`,
    );
  });

  it('refuses a finding of a rule the bundle does not hold', async () => {
    const findings = [{ ...report.findings[0], rule_id: 'LG-XYZ-999' }, ...report.findings.slice(1)];
    const file = write('rule.json', JSON.stringify({ ...report, findings }));
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('its findings name rules the bundle lacks: LG-XYZ-999');
  });

  it('names the file and position of a file that is not a scan report', async () => {
    const pretty = JSON.stringify({ ...report, tool: 7 }, null, 2);
    const line = pretty.split('\n').findIndex((row) => row.includes('"tool": 7')) + 1;
    const wrong = write('wrong.json', pretty);
    const run = await runCli(['verify', wrong]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^lexguard: ${wrong}:${line}:\\d+: not a lexguard scan report: tool `),
    );
    const broken = write('broken.json', '{\n  "schema_version": "1.0",,\n}\n');
    const syntax = await runCli(['verify', broken]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(new RegExp(`^lexguard: ${broken}:2:\\d+: invalid JSON`));
    expect(syntax.stderr.split('\n')).toHaveLength(2);
  });
});
