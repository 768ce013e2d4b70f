import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAudit } from '../_helpers/audit-app';
import { ROOT } from '../_helpers/paths';
import { buildStore, cdkJsonContext, storeContext } from '../_helpers/store-app';

/** The environment of a machine with no AWS credentials and no network to find any on. */
function offlineEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('CDK_')),
  );
  return {
    ...env,
    HOME: mkdtempSync(path.join(tmpdir(), 'lexguard-home-')),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

function templatesOf(built: { templateFiles(): string[] }): Record<string, string> {
  return Object.fromEntries(
    built.templateFiles().map((file) => [path.basename(file), readFileSync(file, 'utf8')]),
  );
}

describe('bin/document-store.ts', () => {
  it('synthesizes with `npx cdk synth` offline and without credentials, the same templates every time', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-out-'));
    const run = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '--quiet', '--output', outdir],
      {
        cwd: ROOT,
        env: offlineEnvironment(),
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    // Built again in this process: two independent synths must agree byte for byte.
    const inProcess = { ...templatesOf(buildStore()), ...templatesOf(buildAudit()) };
    expect(Object.keys(inProcess).sort()).toEqual([
      'ExampleLlpAccountBaseline.template.json',
      'ExampleLlpAuditScanner.template.json',
      'ExampleLlpDocumentStore.template.json',
      'ExampleLlpOffsiteCopies.template.json',
      'ExampleLlpScannerRole111122223333.template.json',
    ]);
    for (const [name, template] of Object.entries(inProcess)) {
      expect([name, readFileSync(path.join(outdir, name), 'utf8')]).toEqual([name, template]);
    }
  }, 240_000);

  it('stops on a bad configuration value with one line naming it, and no stack trace', () => {
    const context = {
      ...cdkJsonContext(),
      documentStore: storeContext({ retention: { documentsDays: -1 } }),
    };
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bin/document-store.ts'], {
      cwd: ROOT,
      env: offlineEnvironment({
        CDK_CONTEXT_JSON: JSON.stringify(context),
        CDK_OUTDIR: mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-out-')),
      }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('lexguard: context documentStore.retention.documentsDays must be >= 1');
  });
});
