import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli } from '../_helpers/cli';
import { fixture } from '../_helpers/paths';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

/** Nine anchors of nine aliases each: 81 aliases that expand to 387 million values. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  lines.push('Resources:', '  A:', '    Type: AWS::S3::Bucket', '    Properties:', '      Tags: *i');
  return `${lines.join('\n')}\n`;
}

describe('hostile input in a directory of templates', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  let report: ScanReport;
  let elapsed: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lexguard-hostile-'));
    copyFileSync(fixture('corpus', 'policy-by-name.json'), path.join(dir, 'good.json'));
    writeFileSync(path.join(dir, 'bomb.yaml'), aliasBomb());
    writeFileSync(
      path.join(dir, 'deep.json'),
      `{"Resources": {"A": ${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    );
    writeFileSync(path.join(dir, 'deep.yaml'), `Resources:\n  A: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`);
    writeFileSync(path.join(dir, 'huge.yaml'), `Resources: {}\nPad: "${'x'.repeat(12288)}"\n`);
    writeFileSync(path.join(dir, 'tabs.yaml'), 'Resources:\n\tA:\n\t\tType: AWS::S3::Bucket\n');
    const config = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-limits-')), 'lexguard.config.yaml');
    writeFileSync(config, 'limits:\n  max_file_bytes: 12000\n');
    const started = Date.now();
    run = await runCli(['scan', 'template', dir, '--config', config, '--format', 'json']);
    elapsed = Date.now() - started;
    report = parseScanReport(run.stdout, 'report');
  });

  it('names each bad file with its line and reason, exit code 2, no stack trace', () => {
    expect(run.code).toBe(2);
    const line = (name: string): string =>
      run.stderr.split('\n').find((l) => l.startsWith(`lexguard: ${path.join(dir, name)}`)) ?? '';
    expect(line('bomb.yaml')).toBe(
      `lexguard: ${path.join(dir, 'bomb.yaml')}:2:8: YAML aliases expand the document by more than 100000 values (an alias bomb?; limits.max_alias_expansion)`,
    );
    expect(line('deep.json')).toBe(
      `lexguard: ${path.join(dir, 'deep.json')}:1:119: the template nests deeper than 100 levels (limits.max_nesting_depth)`,
    );
    expect(line('deep.yaml')).toMatch(/deep\.yaml:2:\d+: the template nests deeper than 100 levels/);
    expect(line('huge.yaml')).toBe(
      `lexguard: ${path.join(dir, 'huge.yaml')}: file is 12.0 KiB, over the 11.7 KiB limit (limits.max_file_bytes)`,
    );
    expect(line('tabs.yaml')).toMatch(/tabs\.yaml:2:1: invalid YAML: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('still scans the good file, in bounded time', () => {
    expect(report.findings.filter((f) => f.location.kind === 'template').map((f) => f.resource.id)).toContain(
      'good/Archive',
    );
    expect(report.errors).toHaveLength(5);
    expect(elapsed).toBeLessThan(20000);
  });
});
