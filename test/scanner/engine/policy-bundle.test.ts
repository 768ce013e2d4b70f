import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPolicyBundle } from '../../../scanner/engine/policy-bundle';
import { lexguardErrorOf } from '../../_helpers/errors';
import { ROOT } from '../../_helpers/paths';

const BUNDLE = path.join(ROOT, 'dist', 'policy');

function copyOf(dir: string): string {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-copy-')), path.basename(dir));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

describe('readPolicyBundle', () => {
  it('accepts the bundle built from the current sources', () => {
    expect(readPolicyBundle().manifest.rules.length).toBeGreaterThan(0);
  });

  it('refuses a bundle whose Rego sources changed since it was built, naming the file', () => {
    const policies = copyOf(path.join(ROOT, 'policies'));
    const rule = path.join(policies, 'checks', 'kms', 'rotation.rego');
    writeFileSync(
      rule,
      readFileSync(rule, 'utf8').replace('automatic key rotation is off', 'rotation is off'),
    );
    const error = lexguardErrorOf(() => readPolicyBundle({ policiesDir: policies }));
    expect(error.code).toBe('POLICY_BUNDLE_STALE');
    expect(error.message).toBe(
      'the policy bundle is stale: policies/checks/kms/rotation.rego (changed) since it was built; rebuild it with `npm run build`',
    );
  });

  it('notices added and removed rules too', () => {
    const policies = copyOf(path.join(ROOT, 'policies'));
    rmSync(path.join(policies, 'checks', 'kms', 'rotation.rego'));
    writeFileSync(
      path.join(policies, 'checks', 'kms', 'new_rule.rego'),
      'package lexguard.checks.kms.new_rule\n',
    );
    expect(lexguardErrorOf(() => readPolicyBundle({ policiesDir: policies })).message).toMatch(
      /policies\/checks\/kms\/new_rule\.rego \(added\).*|policies\/checks\/kms\/rotation\.rego \(removed\)/,
    );
  });

  it('ignores changes to Rego tests, which are not part of the bundle', () => {
    const policies = copyOf(path.join(ROOT, 'policies'));
    writeFileSync(path.join(policies, 'checks', 'kms', 'rotation_test.rego'), '# changed\n');
    expect(() => readPolicyBundle({ policiesDir: policies })).not.toThrow();
  });

  it('refuses a Wasm module that does not match its manifest', () => {
    const bundle = copyOf(BUNDLE);
    writeFileSync(path.join(bundle, 'lexguard.wasm'), Buffer.from('not the module'));
    const error = lexguardErrorOf(() => readPolicyBundle({ dir: bundle }));
    expect(error.code).toBe('POLICY_BUNDLE_STALE');
    expect(error.message).toMatch(/does not match its manifest/);
  });

  it('says how to build a missing bundle', () => {
    const error = lexguardErrorOf(() => readPolicyBundle({ dir: path.join(tmpdir(), 'lexguard-no-bundle') }));
    expect(error.code).toBe('POLICY_BUNDLE_MISSING');
    expect(error.message).toMatch(/npm run build/);
  });
});
