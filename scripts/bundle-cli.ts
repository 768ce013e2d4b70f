/**
 * Bundles the CLI into one file, `dist/cli/lexguard.js`, which `dist/bin/lexguard.js` runs, and makes its
 * V8 code cache by scanning a JSON and a YAML template with it once (see `bin/load-bundle.ts`). Run by
 * `npm run build`, after `tsc` has compiled the launcher.
 *
 * Packages the CLI loads only for some runs stay outside the bundle and are required from node_modules
 * when used: the AWS SDK (an S3 history), xmlbuilder2 (JUnit reports), Chart.js (read as a file for
 * HTML reports). The schema validators are bundled, compiled ahead of time (`schema-validators.generated.ts`),
 * with the two helpers of ajv's runtime they call.
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTemplate, toJson } from '../bench/lib/generate-templates';

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'lexguard.js');
const LAUNCHER = path.join(ROOT, 'dist', 'bin', 'lexguard.js');

/**
 * Resolves packages as Node's `require` does, as the compiled CLI loads them: esbuild would otherwise
 * take a package's ES module entry for an `import`, and opa-wasm's lacks `loadPolicySync`. jsonc-parser
 * is the exception: its CommonJS entry is a UMD wrapper whose requires esbuild cannot follow, so its
 * ES module build (the same code) is bundled.
 */
const resolveAsRequire: Plugin = {
  name: 'resolve-as-require',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolved') return undefined;
      const target = args.path === 'jsonc-parser' ? 'jsonc-parser/lib/esm/main.js' : args.path;
      return plugin.resolve(target, {
        kind: 'require-call',
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolved',
      });
    });
  },
};

async function main(): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['scanner/cli/run.ts'],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*', 'xmlbuilder2', 'chart.js', 'aws-cdk-lib', 'constructs'],
    plugins: [resolveAsRequire],
    // Less to read and parse; identifiers are not renamed, so stack traces still name functions.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  train();
  console.log(`cli: bundled into ${path.relative(ROOT, BUNDLE)} with its code cache`);
}

/** Runs the bundle once on a JSON and a YAML template, into every common format, to make its code cache. */
function train(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-train-'));
  try {
    const json = path.join(dir, 'store.json');
    writeFileSync(json, toJson(generateTemplate(20)));
    const formats = ['json', 'sarif', 'junit', 'markdown'].flatMap((name) => [
      '-f',
      `${name}=${path.join(dir, name)}`,
    ]);
    const run = spawnSync(
      process.execPath,
      [LAUNCHER, 'scan', 'template', json, 'examples/document-store.yaml', '-f', 'table', ...formats],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LEXGUARD_WRITE_CODE_CACHE: '1' } },
    );
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`the training scan failed (exit ${String(run.status)}): ${run.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((thrown: unknown) => {
  console.error(`cli: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  process.exitCode = 1;
});
