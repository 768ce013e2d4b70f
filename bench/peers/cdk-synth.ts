/**
 * The cost of validation plugins in `cdk synth` of the document store: the same app synthesized by the CDK
 * CLI with no plugin, with lexguard's, and with cdk-nag's packs, interleaved run by run, each plugin's cost
 * being its synth time over the plain synth's in the same round.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

import path from 'node:path';
import { ensureInstalled, peerDir, runOrThrow, type Installed } from './install';
import { measure, type Command, type Run } from './measure';
import { ROOT } from './paths';

export const CDK_NAG_VERSION = '3.0.2';
export const APP_DIR = path.join(ROOT, 'bench', 'peers', 'cdk');

export const SYNTH_VARIANTS = [
  { id: 'none', plugins: '', label: 'no validation plugin' },
  { id: 'lexguard', plugins: 'lexguard', label: 'lexguard (LexguardValidationPlugin, all rules)' },
  {
    id: 'cdk-nag',
    plugins: 'cdk-nag',
    label: 'cdk-nag (AwsSolutions, HIPAA Security, NIST 800-53 R5 packs)',
  },
  {
    id: 'lexguard+cdk-nag',
    plugins: 'lexguard,cdk-nag',
    label: 'lexguard and cdk-nag (the store as it ships)',
  },
] as const;
export type SynthVariant = (typeof SYNTH_VARIANTS)[number]['id'];

/**
 * cdk-nag from npm into bench/.peers/npm, pinned, without its peer dependencies: it then resolves the
 * project's own aws-cdk-lib, as it must (a second copy would not recognise the app's constructs).
 */
export function installCdkNag(): Installed {
  const dir = peerDir('npm');
  const manifest = path.join(dir, 'node_modules', 'cdk-nag', 'package.json');
  return ensureInstalled(
    'cdk-nag',
    CDK_NAG_VERSION,
    () =>
      existsSync(manifest)
        ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
        : undefined,
    () => {
      writeFileSync(
        path.join(dir, 'package.json'),
        `${JSON.stringify({ name: 'lexguard-bench-peers', private: true, dependencies: { 'cdk-nag': CDK_NAG_VERSION } }, null, 2)}\n`,
      );
      runOrThrow('npm', ['install', '--omit=peer', '--no-audit', '--no-fund', '--ignore-scripts'], {
        cwd: dir,
      });
    },
  );
}

export function synthCommand(
  variant: SynthVariant,
  outDir: string,
  extraEnv: Record<string, string> = {},
): Command {
  const plugins = SYNTH_VARIANTS.find((v) => v.id === variant)?.plugins ?? '';
  return {
    command: process.execPath,
    args: [
      path.join(ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk'),
      'synth',
      '--quiet',
      '--no-notices',
      '--output',
      outDir,
    ],
    cwd: APP_DIR,
    env: { LEXGUARD_BENCH_PLUGINS: plugins, CDK_DISABLE_CLI_TELEMETRY: 'true', ...extraEnv },
  };
}

/** One synth of a variant, its output and reports under `dir/<variant>/`. */
export function runSynth(variant: SynthVariant, dir: string, round: string): Run {
  const base = path.join(dir, variant);
  mkdirSync(base, { recursive: true });
  return measure(
    synthCommand(variant, path.join(base, 'cdk.out')),
    {
      stdout: path.join(base, `${round}.stdout`),
      stderr: path.join(base, `${round}.stderr`),
      time: path.join(base, `${round}.time`),
    },
    30 * 60 * 1000,
  );
}

/**
 * The document store's own templates for the corpus: one synth of the app without plugins. When it cannot
 * be synthesized, the committed synth of the store is used instead, and the results say why.
 */
export function storeTemplates(dir: string): { files: string[]; origin: string } {
  try {
    const run = runSynth('none', dir, 'corpus');
    if (run.exitCode !== 0) throw new Error(`cdk synth exited with ${run.exitCode}`);
    const out = path.join(dir, 'none', 'cdk.out');
    const files = readdirSync(out)
      .filter((name) => name.endsWith('.template.json'))
      .map((name) => path.join(out, name));
    if (files.length === 0) throw new Error(`cdk synth wrote no template to ${out}`);
    return {
      files,
      origin: `\`cdk synth\` of the document store app: ${files.map((f) => path.basename(f)).join(', ')}`,
    };
  } catch (thrown) {
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      files: [path.join(ROOT, 'test', '_fixtures', 'cdk-synth', 'document-store.json')],
      origin: `the committed synth test/_fixtures/cdk-synth/document-store.json, because the store app could not be synthesized: ${why}`,
    };
  }
}
