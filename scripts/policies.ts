/**
 * The policy toolchain in one command:
 *   build  compile every check into one Wasm bundle (dist/policy) with its manifest
 *   check  `opa fmt`, `opa check --strict` against the generated input schema, `regal lint`
 *   test   `opa test --coverage`, failing below the coverage floor
 * Run with `npx tsx scripts/policies.ts <command>`; `npm test` runs all three.
 */
import { Command } from 'commander';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLE_FILES, type BundleManifest } from '../scanner/engine/bundle-manifest';
import { combinedDigest, policySourceDigests } from '../scanner/engine/policy-digest';
import { entrypointOf } from '../scanner/engine/policy-engine';
import { BUNDLE_ROOTS, INPUT_SCHEMA_FILE, POLICIES_DIR, ROOT, run, runOrThrow, toolPath } from './lib/opa-tool';
import { readRuleMetadata } from './lib/rule-annotations';

const BUNDLE_DIR = path.join(ROOT, 'dist', 'policy');
const MAIN_ENTRYPOINT = 'lexguard/main/results';
/** Share of Rego lines (outside tests) the Rego tests must cover. */
const COVERAGE_FLOOR = 95;

function build(): void {
  const opa = toolPath('opa');
  const rules = readRuleMetadata();
  const work = mkdtempSync(path.join(tmpdir(), 'lexguard-policy-'));
  try {
    const capabilities = path.join(work, 'capabilities.json');
    writeFileSync(capabilities, JSON.stringify(wasmCapabilities(opa)));
    const tarball = path.join(work, 'bundle.tar.gz');
    const entrypoints = [MAIN_ENTRYPOINT, ...rules.map(entrypointOf)].flatMap((e) => ['-e', e]);
    runOrThrow(opa, [
      'build',
      '-t',
      'wasm',
      '--capabilities',
      capabilities,
      '--ignore',
      '*_test.rego',
      ...entrypoints,
      '-o',
      tarball,
      ...BUNDLE_ROOTS,
    ]);
    runOrThrow('tar', ['-xzf', tarball, '-C', work, '/policy.wasm'], work);
    const wasm = readFileSync(path.join(work, 'policy.wasm'));
    const sources = policySourceDigests(POLICIES_DIR);
    const manifest: BundleManifest = {
      format: 1,
      opa_version: opaVersion(opa),
      sources,
      source_digest: combinedDigest(sources),
      wasm_sha256: createHash('sha256').update(wasm).digest('hex'),
      main_entrypoint: MAIN_ENTRYPOINT,
      rules,
    };
    mkdirSync(BUNDLE_DIR, { recursive: true });
    // Write the Wasm first and the manifest last, each by rename, so a reader never pairs a new module
    // with an old manifest without the digest check noticing.
    writeAtomically(path.join(BUNDLE_DIR, BUNDLE_FILES.wasm), wasm);
    writeAtomically(path.join(BUNDLE_DIR, BUNDLE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(
      `policies: built ${rules.length} rules into ${path.relative(ROOT, BUNDLE_DIR)} (${(wasm.length / 1024).toFixed(0)} KiB, digest ${manifest.source_digest.slice(0, 12)})`,
    );
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

function check(): void {
  const opa = toolPath('opa');
  const unformatted = run(opa, ['fmt', '--list', '.']).stdout.trim();
  if (unformatted) throw new Error(`these Rego files need \`opa fmt -w\`:\n${unformatted}`);
  runOrThrow(opa, ['check', '--strict', '--schema', INPUT_SCHEMA_FILE, ...BUNDLE_ROOTS]);
  // The tests are checked too, but without the schema: they build partial inputs on purpose.
  runOrThrow(opa, ['check', '--strict', '.']);
  runOrThrow(toolPath('regal'), ['lint', '--config-file', path.join(ROOT, '.regal', 'config.yaml'), '.']);
  readRuleMetadata();
  console.log('policies: opa fmt, opa check --strict (with the input schema) and regal lint are clean');
}

interface CoverageReport {
  coverage: number;
  files: Record<string, { covered_lines?: number; not_covered_lines?: number; not_covered?: unknown[] }>;
}

function test(): void {
  const opa = toolPath('opa');
  const summary = run(opa, ['test', '.']);
  if (summary.status !== 0) throw new Error(`opa test failed:\n${summary.stdout}${summary.stderr}`);
  const report = JSON.parse(runOrThrow(opa, ['test', '--coverage', '--format', 'json', '.'])) as CoverageReport;
  let covered = 0;
  let total = 0;
  const gaps: string[] = [];
  for (const [file, stats] of Object.entries(report.files)) {
    if (file.endsWith('_test.rego')) continue;
    const hit = stats.covered_lines ?? 0;
    const missed = stats.not_covered_lines ?? 0;
    covered += hit;
    total += hit + missed;
    if (missed > 0) gaps.push(`${file}: ${missed} line(s) not covered`);
  }
  const percent = total === 0 ? 100 : (covered / total) * 100;
  const passed = /PASS: (\d+)\/(\d+)/.exec(summary.stdout);
  console.log(`policies: ${passed ? passed[0] : 'all tests passed'}; coverage ${percent.toFixed(1)}% of rule lines`);
  if (percent < COVERAGE_FLOOR) {
    throw new Error(`Rego coverage ${percent.toFixed(1)}% is below ${COVERAGE_FLOOR}%:\n  ${gaps.join('\n  ')}`);
  }
}

const program = new Command('policies').description("lexguard's policy toolchain");
program.command('build').description('compile the checks into dist/policy').action(build);
program.command('check').description('format, strict type check and lint the Rego').action(check);
program.command('test').description('run the Rego tests with a coverage floor').action(test);
program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
