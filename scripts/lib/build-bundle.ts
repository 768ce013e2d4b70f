import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCatalog } from '../../scanner/catalog/read-catalog';
import { BUNDLE_FILES, type BundleManifest } from '../../scanner/engine/bundle-manifest';
import { combinedDigest, policySourceDigests } from '../../scanner/engine/policy-digest';
import { entrypointOf } from '../../scanner/engine/policy-engine';
import { BUNDLE_ROOTS, ROOT, runOrThrow, toolPath } from './opa-tool';
import { readRuleMetadata } from './rule-annotations';

export const MAIN_ENTRYPOINT = 'lexguard/main/results';

export interface BuildBundleOptions {
  /** Folder with `main.rego`, `lib/`, `checks/` and `catalog/`. */
  policiesDir: string;
  /** Folder the Wasm module and manifest are written to. */
  outDir: string;
}

/**
 * Compiles every check under `policiesDir` into one Wasm module with one entrypoint for all rules and
 * one per rule (used to isolate a rule that crashes), and writes the manifest, with the validated control
 * catalog, beside it.
 */
export function buildPolicyBundle({ policiesDir, outDir }: BuildBundleOptions): BundleManifest {
  const opa = toolPath('opa');
  const annotated = readRuleMetadata(policiesDir);
  const catalog = readCatalog(policiesDir, annotated);
  // Each rule carries its framework controls, so every finding (and every report) can show them.
  const rules = annotated.map((rule) =>
    catalog.mappings[rule.id] ? { ...rule, frameworks: catalog.mappings[rule.id] } : rule,
  );
  const work = mkdtempSync(path.join(tmpdir(), 'lexguard-policy-'));
  try {
    const capabilities = path.join(work, 'capabilities.json');
    writeFileSync(capabilities, JSON.stringify(wasmCapabilities(opa)));
    const tarball = path.join(work, 'bundle.tar.gz');
    const entrypoints = [MAIN_ENTRYPOINT, ...rules.map(entrypointOf)].flatMap((e) => ['-e', e]);
    const args = ['build', '-t', 'wasm', '--capabilities', capabilities, '--ignore', '*_test.rego'];
    runOrThrow(opa, [...args, ...entrypoints, '-o', tarball, ...BUNDLE_ROOTS], policiesDir);
    runOrThrow('tar', ['-xzf', tarball, '-C', work, '/policy.wasm'], work);
    const wasm = readFileSync(path.join(work, 'policy.wasm'));
    const sources = policySourceDigests(policiesDir);
    const manifest: BundleManifest = {
      format: 1,
      opa_version: opaVersion(opa),
      sources,
      source_digest: combinedDigest(sources),
      wasm_sha256: createHash('sha256').update(wasm).digest('hex'),
      main_entrypoint: MAIN_ENTRYPOINT,
      rules,
      catalog,
    };
    mkdirSync(outDir, { recursive: true });
    // The Wasm first and the manifest last, each by rename: a reader that pairs a new module with an old
    // manifest is stopped by the digest check.
    writeAtomically(path.join(outDir, BUNDLE_FILES.wasm), wasm);
    writeAtomically(path.join(outDir, BUNDLE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * OPA's own capabilities with only the builtins the Wasm runtime implements (natively or in the
 * opa-wasm package), so that a rule calling any other builtin fails at build time, not at scan time.
 */
function wasmCapabilities(opa: string): Record<string, unknown> {
  const current = JSON.parse(runOrThrow(opa, ['capabilities', '--current'])) as {
    builtins: Array<{ name: string }>;
  };
  const runtimeFile = path.join(ROOT, 'node_modules', '@open-policy-agent', 'opa-wasm', 'capabilities.json');
  const runtime = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { builtins: Array<{ name: string }> };
  const supported = new Set(runtime.builtins.map((b) => b.name));
  return { ...current, builtins: current.builtins.filter((b) => supported.has(b.name)) };
}

function opaVersion(opa: string): string {
  const match = /^Version:\s*(\S+)/m.exec(runOrThrow(opa, ['version']));
  return match?.[1] ?? 'unknown';
}

function writeAtomically(file: string, contents: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
