/**
 * The template benchmark (`npm run bench:templates`, not part of `npm test`): generates templates of
 * 100, 1,000 and 10,000 resources in JSON and YAML, runs the compiled CLI on each as a user would
 * (`node dist/bin/lexguard.js scan template FILE`) several times, and prints the median wall time and
 * peak resident memory, the median time of each phase of those runs (`--timings`), and, measured in one
 * process, the median time to parse the template alone, to scan it (parse, model, rules, findings), and
 * to evaluate the rules on its model, for the "scan ≤ 3× parse" target: the last shows what the rules
 * cost by themselves against the parse.
 * Targets on a 2-core machine: 1,000 resources ≤ 300 ms wall including Node start-up; 10,000 ≤ 2 s and
 * ≤ 400 MB peak; scan ≤ 3× parse.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type * as LoadConfig from '../scanner/config/load-config';
import type * as PolicyEngineModule from '../scanner/engine/policy-engine';
import type * as PhaseTimerModule from '../scanner/scan/phase-timer';
import type * as ScanTemplates from '../scanner/scan/scan-templates';
import type * as ParseTemplate from '../scanner/sources/template/parse-template';
import { generateTemplate, toJson, toYaml } from './lib/generate-templates';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'bench', 'out');
const SIZES = [100, 1000, 10000];
const RUNS: Record<number, number> = { 100: 7, 1000: 7, 10000: 5 };

interface Row {
  file: string;
  resources: number;
  bytes: number;
  wallMs: number;
  /** The fastest and slowest run: wall time on a shared 2-core machine varies by 10-15%. */
  wallRangeMs: [number, number];
  cpuMs: number;
  peakMb: number;
  /** Median of each `--timings` phase over the CLI runs, in the order the CLI prints them. */
  phasesMs: Record<string, number>;
  parseMs: number;
  scanMs: number;
  /** The `evaluate` phase of the in-process scans: the rules on the built model, input written into Wasm included. */
  evaluateMs: number;
}

/** One CLI run. */
interface CliRun {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  phasesMs: Record<string, number>;
}

/** Wall time of `work`, in milliseconds, with what it returned. */
function timed<T>(work: () => T): { ms: number; result: T } {
  const started = process.hrtime.bigint();
  const result = work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function runCli(file: string): CliRun {
  const rssFile = path.join(OUT, 'peak-rss.txt');
  const { ms: wallMs, result: run } = timed(() =>
    spawnSync(
      process.execPath,
      [
        path.join(DIST, 'bin', 'lexguard.js'),
        'scan',
        'template',
        file,
        '--format',
        'json',
        '--output',
        path.join(OUT, 'report.json'),
        '--timings',
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          NODE_OPTIONS: `--require ${path.join(ROOT, 'bench', 'lib', 'record-peak-rss.cjs')}`,
          LEXGUARD_BENCH_RSS_FILE: rssFile,
        },
      },
    ),
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`lexguard failed on ${file}: ${run.stderr}`);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKib: number; cpuMicros: number };
  return {
    wallMs,
    cpuMs: usage.cpuMicros / 1000,
    peakMb: usage.maxRssKib / 1024,
    phasesMs: timingsOf(run.stderr, file),
  };
}

/** The phases of `lexguard: timings (ms): start=61.2 load=24.0 … total=190.4`, as the CLI writes them. */
function timingsOf(stderr: string, file: string): Record<string, number> {
  const line = stderr.split('\n').find((l) => l.startsWith('lexguard: timings (ms): '));
  if (!line) throw new Error(`lexguard printed no timings for ${file}: ${stderr}`);
  const phases: Record<string, number> = {};
  for (const [, phase, ms] of line.matchAll(/(\w+)=([\d.]+)/g)) phases[phase] = Number(ms);
  return phases;
}

/** The median of each phase over several runs, in the order of the first run. */
function medianPhases(runs: CliRun[]): Record<string, number> {
  return Object.fromEntries(
    Object.keys(runs[0].phasesMs).map((phase) => [phase, median(runs.map((r) => r.phasesMs[phase] ?? 0))]),
  );
}

/** Parse alone, the whole scan and its rules, in this process, after a warm-up run of each. */
async function inProcess(
  file: string,
  runs: number,
): Promise<{ parseMs: number; scanMs: number; evaluateMs: number }> {
  /* eslint-disable @typescript-eslint/no-require-imports -- the compiled build, loaded after it is checked */
  const { parseTemplateFile } = require(
    path.join(DIST, 'scanner/sources/template/parse-template'),
  ) as typeof ParseTemplate;
  const { scanTemplates } = require(path.join(DIST, 'scanner/scan/scan-templates')) as typeof ScanTemplates;
  const { PolicyEngine } = require(
    path.join(DIST, 'scanner/engine/policy-engine'),
  ) as typeof PolicyEngineModule;
  const { DEFAULT_CONFIG } = require(path.join(DIST, 'scanner/config/load-config')) as typeof LoadConfig;
  const { PhaseTimer } = require(path.join(DIST, 'scanner/scan/phase-timer')) as typeof PhaseTimerModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const engine = await PolicyEngine.load();
  const time = (work: () => unknown): number => timed(work).ms;
  const parse = (): unknown => parseTemplateFile(file);
  // The timer adds a clock reading around each phase of a template, nothing per resource.
  let timer = new PhaseTimer();
  const scan = (): unknown => scanTemplates({ paths: [file], engine, config: DEFAULT_CONFIG, timer });
  parse();
  scan();
  const parses: number[] = [];
  const scans: number[] = [];
  const evaluations: number[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push(time(parse));
    timer = new PhaseTimer();
    scans.push(time(scan));
    evaluations.push(timer.totalsMs().evaluate);
  }
  return { parseMs: median(parses), scanMs: median(scans), evaluateMs: median(evaluations) };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'bin', 'lexguard.js')) || !existsSync(path.join(DIST, 'policy'))) {
    throw new Error('the compiled build is missing: run `npm run build` first');
  }
  mkdirSync(OUT, { recursive: true });
  const rows: Row[] = [];
  for (const resources of SIZES) {
    const template = generateTemplate(resources);
    for (const [extension, text] of [
      ['json', toJson(template)],
      ['yaml', toYaml(template)],
    ] as const) {
      const file = path.join(OUT, `template-${resources}.${extension}`);
      writeFileSync(file, text);
      runCli(file); // warm the file cache
      const runs = Array.from({ length: RUNS[resources] }, () => runCli(file));
      const { parseMs, scanMs, evaluateMs } = await inProcess(file, RUNS[resources]);
      rows.push({
        file: path.basename(file),
        resources,
        bytes: Buffer.byteLength(text),
        wallMs: median(runs.map((r) => r.wallMs)),
        wallRangeMs: [Math.min(...runs.map((r) => r.wallMs)), Math.max(...runs.map((r) => r.wallMs))],
        cpuMs: median(runs.map((r) => r.cpuMs)),
        peakMb: Math.max(...runs.map((r) => r.peakMb)),
        phasesMs: medianPhases(runs),
        parseMs,
        scanMs,
        evaluateMs,
      });
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  const lines = [
    ...nodeStartLines(),
    `lexguard template benchmark · node ${process.version} · load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    '',
    '| template | size | CLI wall (median) | CLI wall (min-max) | CLI CPU (median) | CLI peak RSS | parse (in process) | scan (in process) | scan / parse | rules (in process) | rules / parse |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.file} | ${(r.bytes / 1024 / 1024).toFixed(2)} MiB | ${r.wallMs.toFixed(0)} ms | ${r.wallRangeMs.map((ms) => ms.toFixed(0)).join('-')} ms | ${r.cpuMs.toFixed(0)} ms | ${r.peakMb.toFixed(0)} MB | ${r.parseMs.toFixed(0)} ms | ${r.scanMs.toFixed(0)} ms | ${(r.scanMs / r.parseMs).toFixed(1)}× | ${r.evaluateMs.toFixed(0)} ms | ${(r.evaluateMs / r.parseMs).toFixed(1)}× |`,
    ),
    '',
    ...phaseTable(rows),
    '',
    ...targetVerdicts(rows),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Median wall time of `node -e 0` with the given environment, over seven runs. */
function bareNodeStartMs(env: NodeJS.ProcessEnv): number {
  return median(
    Array.from({ length: 7 }, () => timed(() => spawnSync(process.execPath, ['-e', '0'], { env })).ms),
  );
}

/**
 * What Node's own start-up costs on this machine, part of every CLI row. `NODE_EXTRA_CA_CERTS` makes
 * Node 20 read and parse that certificate file before any JavaScript runs; lexguard cannot avoid that
 * cost, so when the variable is set the start-up is shown with and without it.
 */
function nodeStartLines(): string[] {
  const bare = bareNodeStartMs(process.env);
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  if (!extraCa) return [`Node start-up alone (\`node -e 0\`, median): ${bare.toFixed(0)} ms`, ''];
  const { NODE_EXTRA_CA_CERTS: _unset, ...withoutExtraCa } = process.env;
  return [
    `Node start-up alone (\`node -e 0\`, median): ${bare.toFixed(0)} ms with NODE_EXTRA_CA_CERTS=${extraCa} ` +
      `as set here (the CLI runs below inherit it), ${bareNodeStartMs(withoutExtraCa).toFixed(0)} ms without it`,
    '',
  ];
}

/** Where the CLI runs' time went: the median of each `--timings` phase (`scanner/scan/phase-timer.ts`). */
function phaseTable(rows: Row[]): string[] {
  const phases = Object.keys(rows[0].phasesMs);
  return [
    'CLI phases (median ms of the same runs; `other` is what no phase covers, `total` runs to the report written):',
    '',
    `| template | ${phases.join(' | ')} |`,
    `| --- |${phases.map(() => ' ---: |').join('')}`,
    ...rows.map((r) => `| ${r.file} | ${phases.map((phase) => r.phasesMs[phase].toFixed(0)).join(' | ')} |`),
  ];
}

/** Each of the targets, met or missed, row by row (medians for time, the largest run for memory). */
function targetVerdicts(rows: Row[]): string[] {
  const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
  return [
    'Targets (2-core machine):',
    ...rows
      .filter((r) => r.resources === 1000)
      .map((r) => `- ${r.file}: ≤ 300 ms wall: ${r.wallMs.toFixed(0)} ms, ${verdict(r.wallMs <= 300)}`),
    ...rows
      .filter((r) => r.resources === 10000)
      .map(
        (r) =>
          `- ${r.file}: ≤ 2 s and ≤ 400 MB: ${(r.wallMs / 1000).toFixed(2)} s, ${r.peakMb.toFixed(0)} MB, ${verdict(r.wallMs <= 2000 && r.peakMb <= 400)}`,
      ),
    ...rows.map(
      (r) =>
        `- ${r.file}: scan ≤ 3× parse: ${(r.scanMs / r.parseMs).toFixed(1)}×, ${verdict(r.scanMs <= 3 * r.parseMs)}`,
    ),
  ];
}

main().catch((thrown: unknown) => {
  process.stderr.write(`bench: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
  process.exitCode = 1;
});
