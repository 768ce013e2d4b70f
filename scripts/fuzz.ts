/**
 * The long run of the property tests `npm test` runs briefly: hostile templates through the CLI's `main`
 * (test/e2e/hostile-input.property.test.ts) and every rule on models generated from the input schema
 * (test/policies/generated-models.test.ts), with a fresh seed unless one is given.
 *
 *   npm run fuzz -- [--runs N] [--seed S]      (default 2000 runs of each, a random seed)
 *
 * Prints what was run and every counterexample; exits 1 when any property failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { PolicyEngine } from '../scanner/engine/policy-engine';
import { mustRefuse, scanHostile, violations } from '../test/_helpers/hostile-check';
import { evaluationErrors, generatedModels, passes } from '../test/_helpers/generated-models';
import { cfnTemplate, damage, hostileBytes } from '../test/_helpers/hostile-templates';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const runs = option('runs', 2000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-fuzz-'));
  const failures: string[] = [];
  const started = Date.now();
  let slowest = 0;
  let refused = 0;
  let file = 0;
  try {
    const loader = await fc.check(
      fc.asyncProperty(
        cfnTemplate,
        fc.constantFrom('json' as const, 'yaml' as const),
        damage,
        async (template, format, harm) => {
          const outcome = await scanHostile(
            dir,
            `f${file++ % 50}.${format}`,
            hostileBytes(template, format, harm),
          );
          slowest = Math.max(slowest, outcome.ms);
          if ((outcome.report?.errors.length ?? 0) > 0) refused++;
          const found = violations(outcome);
          if (mustRefuse(harm) && outcome.report?.errors.length !== 1)
            found.push(`${harm.kind} was not refused`);
          return found.length === 0;
        },
      ),
      { seed, numRuns: runs },
    );
    if (loader.failed) failures.push(`templates: ${fc.defaultReportMessage(loader) ?? 'failed'}`);
    const loaderMs = Date.now() - started;

    const engine = await PolicyEngine.load();
    let results = 0;
    const rules = fc.check(
      fc.property(generatedModels(), (model) => {
        const outcomes = engine.evaluate(model);
        results += outcomes.reduce((sum, o) => sum + ('results' in o ? o.results.length : 0), 0);
        return evaluationErrors(outcomes).length === 0;
      }),
      { seed, numRuns: runs },
    );
    if (rules.failed) failures.push(`rules, ERROR: ${fc.defaultReportMessage(rules) ?? 'failed'}`);
    const unknown = fc.check(
      fc.property(generatedModels(true), (model) => {
        const outcomes = engine.evaluate(model);
        return evaluationErrors(outcomes).length === 0 && passes(outcomes).length === 0;
      }),
      { seed, numRuns: runs },
    );
    if (unknown.failed)
      failures.push(`rules, PASS on unknown: ${fc.defaultReportMessage(unknown) ?? 'failed'}`);

    console.log(
      `fuzz: seed ${seed}, ${runs} runs of each property, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(
      `  hostile templates: ${loader.numRuns} scanned (${refused} refused with a position), slowest ${slowest} ms, ${(loaderMs / 1000).toFixed(1)} s; ${loader.failed ? 'FAILED' : 'no violation'}`,
    );
    console.log(
      `  rules on generated models: ${rules.numRuns} models, ${results} results, ${engine.rules.length} rules; ${rules.failed ? 'ERROR found' : 'no evaluation error'}`,
    );
    console.log(
      `  rules on all-unknown models: ${unknown.numRuns} models; ${unknown.failed ? 'FAILED' : 'no PASS, no evaluation error'}`,
    );
    for (const failure of failures) console.log(`\n${failure}`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
