/** Profiles taken where a target was missed: lexguard on the corpus item of the worst miss, or the synth. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CorpusItem } from '../corpus/build-corpus';
import { APP_DIR } from './cdk-synth';
import { ROOT } from './paths';
import { largestProfile, summariseProfile, type ProfileSummary } from './profile';
import type { ProfileReport } from './results';
import type { Tool } from './tools/tool';

const shown = (command: string, args: string[]): string =>
  [
    path.relative(ROOT, command) || command,
    ...args.map((arg) => (path.isAbsolute(arg) ? path.relative(ROOT, arg) : arg)),
  ].join(' ');

export function profileLexguard(why: string, tool: Tool, item: CorpusItem, dir: string): ProfileReport {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const command = tool.command(item, path.join(dir, 'report.json'));
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, ...command.args];
  const report: ProfileReport = {
    why,
    command: `node --cpu-prof ${shown(command.args[0], command.args.slice(1))}`,
  };
  const run = spawnSync(command.command, args, {
    cwd: command.cwd,
    stdio: 'ignore',
    timeout: 30 * 60 * 1000,
  });
  if (run.error) return { ...report, error: run.error.message };
  try {
    return { ...report, summary: summariseProfile(largestProfile(dir)) };
  } catch (thrown) {
    return { ...report, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

/**
 * The app of a synth with lexguard's plugin, run as the CDK CLI runs it (CDK_OUTDIR) under the profiler:
 * Node refuses --cpu-prof in NODE_OPTIONS, so the CLI's child cannot be profiled through the CLI. Of the
 * profiles written (tsx adds a thread), the one with the most lexguard time is kept.
 */
export function profileSynth(why: string, dir: string): ProfileReport {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', 'app.ts'];
  const report: ProfileReport = {
    why,
    command: `LEXGUARD_BENCH_PLUGINS=lexguard CDK_OUTDIR=… node ${args.slice(0, 2).join(' ')} … --import tsx app.ts (in bench/peers/cdk)`,
  };
  const run = spawnSync(process.execPath, args, {
    cwd: APP_DIR,
    env: { ...process.env, LEXGUARD_BENCH_PLUGINS: 'lexguard', CDK_OUTDIR: path.join(dir, 'cdk.out') },
    stdio: 'ignore',
    timeout: 30 * 60 * 1000,
  });
  if (run.error) return { ...report, error: run.error.message };
  try {
    const lexguardMs = (summary: ProfileSummary): number =>
      summary.areas
        .filter((area) => area.area.startsWith('lexguard') || area.area.includes('opa-wasm'))
        .reduce((sum, area) => sum + area.ms, 0);
    const summaries = readdirSync(dir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => summariseProfile(path.join(dir, name), 40));
    if (summaries.length === 0) throw new Error(`no CPU profile was written to ${dir}`);
    const app = summaries.sort((a, b) => lexguardMs(b) - lexguardMs(a))[0];
    return {
      ...report,
      summary: { ...app, areas: app.areas.slice(0, 12), functions: app.functions.slice(0, 12) },
    };
  } catch (thrown) {
    return { ...report, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}
