import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture, ROOT } from '../_helpers/paths';

/** Runs the real CDK CLI (`cdk synth`) on the fixture app, as a platform engineer would. */
function cdkSynth(weaken?: string): { status: number | null; output: string } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-out-'));
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk'),
      'synth',
      '--quiet',
      '--no-notices',
      '--output',
      outdir,
    ],
    {
      cwd: fixture('cdk-app'),
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        ...(weaken ? { LEXGUARD_WEAKEN: weaken } : { LEXGUARD_WEAKEN: '' }),
      },
      timeout: 120_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npx cdk synth with lexguard registered in the app', () => {
  it('fails with lexguard’s violation when the app weakens a control, and passes when it does not', () => {
    const weakened = cdkSynth('encryption');
    expect(weakened.status).toBe(1);
    expect(weakened.output).toMatch(/lexguard/);
    expect(weakened.output).toMatch(/FAIL: .*not SSE-KMS|FAIL: .*AES256/);
    expect(weakened.output).toContain('lexguard::LG-S3-001');
    expect(weakened.output).toContain('DocumentStore/Documents/Resource');

    const hardened = cdkSynth();
    expect(hardened.output).not.toMatch(/lexguard::/);
    expect(hardened.status).toBe(0);
  });
});
