import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogView } from '../../scanner/catalog/catalog-view';
import { runCli } from '../_helpers/cli';
import { ROOT } from '../_helpers/paths';

describe('lexguard catalog', () => {
  it('prints clause → rules → frameworks, with every clause covered', async () => {
    const run = await runCli(['catalog']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^CP-01 {2}Encryption at rest\n(?: {7}.*\n)*? {7}LG-S3-001 {3}HIGH {5}/m);
    expect(run.stdout).toMatch(/cis-aws 2\.1\.1 · nist-800-53 SC-8, SC-8\(1\)/);
    expect(run.stdout).toContain(
      'CP-15.training (attested) Staff are trained in confidentiality and security',
    );
    expect(run.stdout).toContain(
      'CP-09  Detection of suspicious activity\n       LG-CT-004   MEDIUM   Trails deliver their events to CloudWatch Logs',
    );
    expect(run.stdout).not.toContain('UNCOVERED');
    expect(run.stdout).toMatch(/^15 clauses, none uncovered; \d+ rules, 7 attested controls$/m);
  });

  it('gives the same Markdown as the generated rules reference', async () => {
    const run = await runCli(['catalog', '--format', 'markdown']);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8'));
  });

  it('gives every clause with its coverage as JSON', async () => {
    const view = JSON.parse((await runCli(['catalog', '--format', 'json'])).stdout) as CatalogView;
    expect(view.clauses).toHaveLength(15);
    expect(view.uncovered).toEqual(view.clauses.filter((c) => !c.covered).map((c) => c.id));
    expect(view.rules.length).toBeGreaterThanOrEqual(24);
  });

  it('writes to --output', async () => {
    const run = await runCli(['catalog', '--output', 'catalog.txt']);
    expect(run.stdout).toBe('');
    expect(run.files['catalog.txt']).toMatch(/^CP-01 {2}Encryption at rest/);
  });

  it('refuses an unknown format with exit code 2', async () => {
    const run = await runCli(['catalog', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/argument 'xml' is invalid. Allowed choices are table, markdown, json/);
  });
});
