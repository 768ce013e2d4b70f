/**
 * `npm run bench`: lexguard side by side with the scanners its users would pick instead, in one run.
 * Installs the peers (pinned, under bench/.peers/, reused later), builds the corpus with its ground truth,
 * runs every scanner on every corpus item, measures `cdk synth` of the document store with and without
 * validation plugins, judges the targets, profiles what missed them, and writes bench/RESULTS.md and
 * bench/results.json. Not part of `npm test`.
 *
 *   npm run bench [-- --runs 5 --budget 300 --sizes 10,100,1000,10000 --synth-runs 5 --results-dir bench]
 */
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCorpus, SIZES, type CorpusItem } from '../corpus/build-corpus';
import { installCdkNag, runSynth, storeTemplates, SYNTH_VARIANTS } from './cdk-synth';
import { describeMachine, uptime } from './machine';
import { OUT, ROOT } from './paths';
import type { Results, SynthCell, SynthResult, ToolInfo } from './results';
import { pairs, runItem, type RunSettings } from './run-templates';
import { profileLexguard, profileSynth } from './run-profiles';
import { renderResults } from './render';
import { spread } from './stats';
import { STORE_ORIGIN } from './cdk/store-origin';
import { checkovTargets, guardTargets, synthTarget } from './targets';
import { cfnGuardTool } from './tools/cfn-guard';
import { cfnLintTool } from './tools/cfn-lint';
import { checkovTool } from './tools/checkov';
import { conftestTool } from './tools/conftest';
import { lexguardTool } from './tools/lexguard';
import type { Tool } from './tools/tool';

interface Options {
  runs: number;
  budget: number;
  sizes: number[];
  synthRuns: number;
  synth: boolean;
  resultsDir: string;
}

const options = new Command('bench')
  .option('--runs <n>', 'measured runs per tool and corpus item, after a warm-up', Number, 5)
  .option(
    '--budget <seconds>',
    'measured seconds a slow tool may take per corpus item before it runs fewer times',
    Number,
    300,
  )
  .option('--sizes <list>', 'generated template sizes', (v: string) => v.split(',').map(Number), [...SIZES])
  .option('--synth-runs <n>', 'measured synths per variant, after a warm-up', Number, 5)
  .option('--no-synth', 'skip the cdk synth measurement')
  .option('--results-dir <dir>', 'where RESULTS.md and results.json are written', path.join(ROOT, 'bench'))
  .parse()
  .opts<Options>();

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function setUpTools(outDir: string): { tools: Tool[]; infos: ToolInfo[] } {
  const factories: Array<[string, string, () => Tool]> = [
    ['lexguard-five', 'lexguard (five controls)', () => lexguardTool('five', outDir)],
    ['lexguard-full', 'lexguard (all rules)', () => lexguardTool('full', outDir)],
    ['checkov', 'Checkov', checkovTool],
    ['cfn-guard', 'cfn-guard', cfnGuardTool],
    ['conftest', 'Conftest', conftestTool],
    ['cfn-lint', 'cfn-lint', cfnLintTool],
  ];
  const tools: Tool[] = [];
  const infos: ToolInfo[] = [];
  for (const [id, name, make] of factories) {
    const none = {
      's3-cmk-encryption': null,
      's3-tls-only': null,
      's3-public-access-block': null,
      'kms-rotation': null,
      'cloudtrail-log-validation': null,
    };
    try {
      const tool = make();
      const installed = tool.install();
      log(`bench: ${tool.name} ${installed.version} (${installed.action})`);
      tools.push(tool);
      infos.push({ id, name: tool.name, checks: tool.checks, equivalents: tool.equivalents, installed });
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown.message : String(thrown);
      log(`bench: ${name} could not be set up: ${error}`);
      infos.push({ id, name, checks: '–', equivalents: none, error });
    }
  }
  return { tools, infos };
}

function measureSynth(dir: string, runs: number): SynthResult {
  const result: SynthResult = { app: STORE_ORIGIN, cells: [], load: [Number.NaN, Number.NaN] };
  try {
    result.cdkNag = installCdkNag();
  } catch (thrown) {
    result.error = `cdk-nag: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  }
  const variants = SYNTH_VARIANTS.filter((v) => !v.id.includes('cdk-nag') || result.cdkNag);
  const cells: SynthCell[] = variants.map((v) => ({
    variant: v.id,
    label: v.label,
    runs: [],
    exitCodes: [],
  }));
  const loads: number[] = [];
  for (let round = -1; round < runs; round++) {
    for (const cell of cells) {
      if (cell.error) continue;
      try {
        const run = runSynth(
          cell.variant as (typeof variants)[number]['id'],
          dir,
          round < 0 ? 'warmup' : 'run',
        );
        loads.push(run.load1);
        cell.exitCodes.push(run.exitCode);
        if (round < 0) cell.warmup = run;
        else cell.runs.push(run);
      } catch (thrown) {
        cell.error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      log(`  synth ${cell.variant} ${round < 0 ? 'warm-up' : `run ${round + 1}`}`);
    }
  }
  const none = cells.find((cell) => cell.variant === 'none')?.runs ?? [];
  const nag = cells.find((cell) => cell.variant === 'cdk-nag')?.runs ?? [];
  for (const cell of cells) {
    if (cell.runs.length === 0) continue;
    cell.wallMs = spread(cell.runs.map((r) => r.wallMs));
    cell.cpuMs = spread(cell.runs.map((r) => r.cpuMs));
    cell.peakRssMb = Math.max(...cell.runs.map((r) => r.peakRssMb));
    cell.ratioToNone = pairs(cell.runs, none);
    if (cell.variant === 'lexguard+cdk-nag') cell.ratioToNag = pairs(cell.runs, nag);
  }
  return { ...result, cells, load: [Math.min(...loads), Math.max(...loads)] };
}

function main(): void {
  const started = Date.now();
  const startUptime = uptime();
  log(`bench: ${startUptime}`);
  mkdirSync(OUT, { recursive: true });
  const { tools, infos } = setUpTools(OUT);

  log('bench: synthesizing the document store for the corpus');
  const store = storeTemplates(path.join(OUT, 'store-synth'));
  const corpus = buildCorpus(path.join(OUT, 'corpus'), store).filter(
    (item) => item.kind !== 'generated' || options.sizes.includes(item.resources),
  );

  const settings: RunSettings = {
    runs: options.runs,
    budgetSeconds: options.budget,
    timeoutMs: 30 * 60 * 1000,
  };
  const items = corpus.map((item) => {
    const before = uptime();
    log(`bench: ${item.name} (${item.resources} resources) · ${before}`);
    return { ...runItem(item, tools, path.join(OUT, 'runs'), settings, log), uptime: before };
  });

  let synth: SynthResult | undefined;
  if (options.synth) {
    log(`bench: cdk synth · ${uptime()}`);
    synth = measureSynth(path.join(OUT, 'synth'), options.synthRuns);
  }

  const checkov = checkovTargets(items);
  const guard = guardTargets(items);
  const synthTargets = synthTarget(synth);
  const profiles = [];
  const itemByName = new Map<string, CorpusItem>(corpus.map((item) => [item.name, item]));
  const five = tools.find((tool) => tool.id === 'lexguard-five');
  for (const [targets, label] of [
    [checkov, 'Checkov'],
    [guard, 'cfn-guard'],
  ] as const) {
    const worst = targets
      .filter((t) => !t.met && !Number.isNaN(t.value))
      .sort((a, b) => a.value - b.value)[0];
    const item = worst && itemByName.get(worst.where);
    if (worst && item && five) {
      log(`bench: profiling lexguard on ${item.name} (target against ${label} missed)`);
      profiles.push(
        profileLexguard(
          `lexguard (five controls) on ${item.name}, where the target against ${label} is missed by the most`,
          five,
          item,
          path.join(OUT, 'profiles', label),
        ),
      );
    }
  }
  if (synthTargets.some((t) => !t.met && !Number.isNaN(t.value))) {
    log('bench: profiling cdk synth with lexguard (target missed)');
    profiles.push(
      profileSynth(
        '`cdk synth` of the document store with lexguard’s plugin: the app process',
        path.join(OUT, 'profiles', 'synth'),
      ),
    );
  }

  const results: Results = {
    schema: 'lexguard-bench-peers/1',
    generatedAt: new Date().toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    command: 'npm run bench',
    settings: { runs: options.runs, budgetSeconds: options.budget, synthRuns: options.synthRuns },
    machine: describeMachine(),
    uptime: { start: startUptime, end: uptime() },
    tools: infos,
    items,
    ...(synth ? { synth } : {}),
    targets: [...checkov, ...guard, ...synthTargets],
    profiles,
  };
  mkdirSync(options.resultsDir, { recursive: true });
  writeFileSync(path.join(options.resultsDir, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(path.join(options.resultsDir, 'RESULTS.md'), renderResults(results));
  log(
    `bench: done in ${((Date.now() - started) / 60000).toFixed(1)} min; ${path.relative(process.cwd(), path.join(options.resultsDir, 'RESULTS.md'))}`,
  );
  for (const target of results.targets)
    log(`  ${target.met ? 'met   ' : 'MISSED'} ${target.name} · ${target.where}: ${target.verdict}`);
}

main();
