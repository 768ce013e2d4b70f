/**
 * Builds the audit functions' bundle (`dist/lambda/audit`, see lib/lambda/lambda-bundle.ts) with esbuild:
 * one CommonJS file per handler with every dependency inside (the AWS SDK too, at the versions lexguard
 * pins, not the runtime's), plus the files the library reads at run time. It bundles what `tsc` compiled
 * into dist/, so that every package resolves through its `require` export as it does for the CLI (some
 * packages export other things to `import`). Run after the TypeScript and policy builds: `npm run build`
 * runs all three. The CDK app deploys the folder as it is, so synth stays offline and
 * gives the same asset on every run; it refuses the folder when its inputs changed since this build.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AUDIT_HANDLERS,
  BUNDLE_MANIFEST,
  COPIED_FILES,
  LAMBDA_BUNDLE_DIR,
  sha256Of,
  type LambdaBundleManifest,
} from '../lib/lambda/lambda-bundle';
import { ROOT } from './lib/opa-tool';

/** Chart.js's browser build: the HTML reporter looks for it beside the running script in a bundle. */
const CHART_JS = 'node_modules/chart.js/dist/chart.umd.min.js';
/** The Lambda runtime the stack deploys (AUDIT_RUNTIME in lib/constructs/audit-function.ts). */
const TARGET = 'node24';

async function main(): Promise<void> {
  const outDir = path.join(ROOT, LAMBDA_BUNDLE_DIR);
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(AUDIT_HANDLERS).map(([name, source]) => [name, compiledFile(source)]),
    ),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: TARGET,
    format: 'cjs',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    // require.resolve('chart.js') is only reached outside a bundle (see render-html.ts).
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.startsWith('<'))
    .flatMap((file) => [file, ...sourceOf(file)]);
  for (const file of COPIED_FILES) copy(file, file);
  copy(CHART_JS, path.basename(CHART_JS));
  const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  writeFileSync(
    path.join(outDir, 'package.json'),
    `${JSON.stringify({ name, version, private: true }, null, 2)}\n`,
  );
  const manifest: LambdaBundleManifest = {
    format: 1,
    version,
    inputs: Object.fromEntries(
      [...inputs, ...COPIED_FILES, CHART_JS].sort().map((file) => [file, sha256Of(path.join(ROOT, file))]),
    ),
  };
  writeFileSync(path.join(outDir, BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const sizes = Object.entries(result.metafile.outputs).map(
    ([file, output]) => `${path.basename(file)} ${(output.bytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  console.log(
    `lambda: built ${Object.keys(AUDIT_HANDLERS).length} handlers into ${LAMBDA_BUNDLE_DIR} from ${inputs.length} files (${sizes.join(', ')})`,
  );

  function copy(from: string, to: string): void {
    const target = path.join(outDir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(ROOT, from), target);
  }
}

/** `dist/<path>.js`, what tsc compiles `<path>.ts` into (tsconfig.build.json: outDir dist, rootDir .). */
function compiledFile(source: string): string {
  return path.join('dist', source.replace(/\.tsx?$/, '.js'));
}

/** The TypeScript source of a compiled file, so that an edit not yet compiled also makes the bundle stale. */
function sourceOf(file: string): string[] {
  if (!file.startsWith('dist/')) return [];
  const base = file.slice('dist/'.length).replace(/\.js$/, '');
  return ['.ts', '.tsx']
    .map((ext) => `${base}${ext}`)
    .filter((candidate) => existsSync(path.join(ROOT, candidate)));
}

main().catch((thrown: unknown) => {
  console.error(thrown instanceof Error ? thrown.message : String(thrown));
  process.exitCode = 1;
});
