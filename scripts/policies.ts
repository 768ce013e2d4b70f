/**
 * The policy toolchain in one command:
 *   build  compile every check into one Wasm bundle (dist/policy) with its manifest
 *   check  `opa fmt`, `opa check --strict` against the generated input schema, `regal lint`, the catalog
 *   test   `opa test --coverage`, failing below the coverage floor
 * Run with `npx tsx scripts/policies.ts <command>`; `npm test` runs all three.
 */
import { Command } from 'commander';
import path from 'node:path';
import { readCatalog } from '../scanner/catalog/read-catalog';
import { describeThrown } from '../scanner/errors';
import { buildPolicyBundle } from './lib/build-bundle';
import {
  BUNDLE_ROOTS,
  INPUT_SCHEMA_FILE,
  POLICIES_DIR,
  ROOT,
  run,
  runOrThrow,
  toolPath,
} from './lib/opa-tool';
import { readRuleMetadata } from './lib/rule-annotations';

const BUNDLE_DIR = path.join(ROOT, 'dist', 'policy');
/** Share of Rego lines (outside tests) the Rego tests must cover. */
const COVERAGE_FLOOR = 95;

function build(): void {
  const manifest = buildPolicyBundle({ policiesDir: POLICIES_DIR, outDir: BUNDLE_DIR });
  console.log(
    `policies: built ${manifest.rules.length} rules into ${path.relative(ROOT, BUNDLE_DIR)} (digest ${manifest.source_digest.slice(0, 12)})`,
  );
}

function check(): void {
  const opa = toolPath('opa');
  const unformatted = run(opa, ['fmt', '--list', '.']).stdout.trim();
  if (unformatted) throw new Error(`these Rego files need \`opa fmt -w\`:\n${unformatted}`);
  runOrThrow(opa, ['check', '--strict', '--schema', INPUT_SCHEMA_FILE, ...BUNDLE_ROOTS]);
  // The tests are checked too, but without the schema: they build partial inputs on purpose.
  runOrThrow(opa, ['check', '--strict', '.']);
  runOrThrow(toolPath('regal'), ['lint', '--config-file', path.join(ROOT, '.regal', 'config.yaml'), '.']);
  readCatalog(POLICIES_DIR, readRuleMetadata());
  console.log(
    'policies: opa fmt, opa check --strict (with the input schema), regal lint and the catalog are clean',
  );
}

interface CoverageReport {
  coverage: number;
  files: Record<string, { covered_lines?: number; not_covered_lines?: number; not_covered?: unknown[] }>;
}

function test(): void {
  const opa = toolPath('opa');
  const summary = run(opa, ['test', '.']);
  if (summary.status !== 0) throw new Error(`opa test failed:\n${summary.stdout}${summary.stderr}`);
  const report = JSON.parse(
    runOrThrow(opa, ['test', '--coverage', '--format', 'json', '.']),
  ) as CoverageReport;
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
  console.log(
    `policies: ${passed ? passed[0] : 'all tests passed'}; coverage ${percent.toFixed(1)}% of rule lines`,
  );
  if (percent < COVERAGE_FLOOR) {
    throw new Error(
      `Rego coverage ${percent.toFixed(1)}% is below ${COVERAGE_FLOOR}%:\n  ${gaps.join('\n  ')}`,
    );
  }
}

const program = new Command('policies').description("lexguard's policy toolchain");
program.command('build').description('compile the checks into dist/policy').action(build);
program.command('check').description('format, strict type check and lint the Rego').action(check);
program.command('test').description('run the Rego tests with a coverage floor').action(test);
program.parseAsync().catch((error: unknown) => {
  console.error(describeThrown(error));
  process.exit(1);
});
