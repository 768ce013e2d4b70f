import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../errors';
import { projectRoot } from '../util/project-root';
import { BUNDLE_FILES, type BundleManifest } from './bundle-manifest';
import { policySourceDigests } from './policy-digest';

/** A compiled policy bundle read from disk: the Wasm module and its manifest. */
export interface PolicyBundle {
  dir: string;
  wasm: Buffer;
  manifest: BundleManifest;
}

export interface ReadBundleOptions {
  /** Folder holding `lexguard.wasm` and `manifest.json`; defaults to `dist/policy` of the installation. */
  dir?: string;
  /**
   * Rego sources to compare the bundle with. Defaults to the installation's `policies/` when it exists
   * (a development checkout); `false` skips the comparison (a packaged install without sources).
   */
  policiesDir?: string | false;
}

export function defaultBundleDir(): string {
  return process.env.LEXGUARD_POLICY_BUNDLE ?? path.join(projectRoot(), 'dist', 'policy');
}

/**
 * Reads the compiled bundle and refuses a stale one: when the Rego sources beside the installation differ
 * from those the bundle was built from, evaluating it would test yesterday's rules.
 */
export function readPolicyBundle(options: ReadBundleOptions = {}): PolicyBundle {
  const dir = options.dir ?? defaultBundleDir();
  const wasmFile = path.join(dir, BUNDLE_FILES.wasm);
  const manifestFile = path.join(dir, BUNDLE_FILES.manifest);
  if (!existsSync(wasmFile) || !existsSync(manifestFile)) {
    throw new LexguardError(
      'POLICY_BUNDLE_MISSING',
      `the compiled policy bundle is missing from ${dir}; build it with \`npm run build\``,
    );
  }
  const wasm = readFileSync(wasmFile);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BundleManifest;
  if (manifest.format !== 1) {
    throw new LexguardError(
      'POLICY_BUNDLE_STALE',
      `${manifestFile} has format ${String(manifest.format)}, expected 1`,
    );
  }
  const wasmDigest = createHash('sha256').update(wasm).digest('hex');
  if (wasmDigest !== manifest.wasm_sha256) {
    throw new LexguardError(
      'POLICY_BUNDLE_STALE',
      `${wasmFile} does not match its manifest (digest ${wasmDigest.slice(0, 12)}, expected ${manifest.wasm_sha256.slice(0, 12)}); rebuild it with \`npm run build\``,
    );
  }
  const policiesDir = options.policiesDir ?? defaultPoliciesDir();
  if (policiesDir) assertFresh(manifest, policiesDir);
  return { dir, wasm, manifest };
}

function defaultPoliciesDir(): string | false {
  const dir = path.join(projectRoot(), 'policies');
  return existsSync(dir) ? dir : false;
}

/** Throws POLICY_BUNDLE_STALE naming the first source files that changed since the bundle was built. */
function assertFresh(manifest: BundleManifest, policiesDir: string): void {
  const current = new Map(Object.entries(policySourceDigests(policiesDir)));
  const changed: string[] = [];
  for (const [file, digest] of Object.entries(manifest.sources)) {
    const now = current.get(file);
    if (now === undefined) changed.push(`${file} (removed)`);
    else if (now !== digest) changed.push(`${file} (changed)`);
  }
  for (const file of current.keys()) {
    if (!(file in manifest.sources)) changed.push(`${file} (added)`);
  }
  if (changed.length > 0) {
    const shown = changed.slice(0, 3).map((f) => `policies/${f}`);
    const more = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
    throw new LexguardError(
      'POLICY_BUNDLE_STALE',
      `the policy bundle is stale: ${shown.join(', ')}${more} since it was built; rebuild it with \`npm run build\``,
    );
  }
}
