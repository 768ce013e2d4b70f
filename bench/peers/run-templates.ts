/**
 * Runs every scanner over one corpus item: a warm-up run each (whose output gives the findings), then the
 * measured rounds, interleaved tool by tool so that each tool's round i and lexguard's round i ran side by
 * side under the same load. A tool whose warm-up took longer than the time budget allows is measured in
 * fewer rounds, and the cell says so.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTROLS, type Control } from '../corpus/controls';
import type { CorpusItem } from '../corpus/build-corpus';
import { scoreFindings } from './findings';
import { measure, type Run, type RunFiles } from './measure';
import type { Cell, ItemResult, ItemSummary } from './results';
import { spread, type Spread } from './stats';
import { readTimings } from './tools/lexguard';
import type { Tool } from './tools/tool';

export interface RunSettings {
  runs: number;
  budgetSeconds: number;
  timeoutMs: number;
}

interface Slot {
  tool: Tool;
  cell: Cell;
  rounds: number;
  dir: string;
  timings: Array<Record<string, number>>;
}

const filesOf = (dir: string, round: string): RunFiles & { report: string } => ({
  stdout: path.join(dir, `${round}.stdout`),
  stderr: path.join(dir, `${round}.stderr`),
  time: path.join(dir, `${round}.time`),
  report: path.join(dir, `${round}.report.json`),
});

const tail = (file: string): string => readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n');

export function summariseItem(item: CorpusItem): ItemSummary {
  const truth = item.truth
    ? (Object.fromEntries(
        CONTROLS.map((c) => [c, item.truth?.filter((f) => f.control === c).length ?? 0]),
      ) as Record<Control, number>)
    : undefined;
  return {
    name: item.name,
    kind: item.kind,
    format: item.format,
    files: item.files,
    resources: item.resources,
    bytes: item.bytes,
    ...(item.origin ? { origin: item.origin } : {}),
    ...(truth ? { truth } : {}),
    ...(item.checked ? { checked: item.checked } : {}),
  };
}

export function runItem(
  item: CorpusItem,
  tools: readonly Tool[],
  outDir: string,
  settings: RunSettings,
  log: (line: string) => void,
): ItemResult {
  const loads: number[] = [];
  const slots: Slot[] = [];
  for (const tool of tools) {
    const dir = path.join(outDir, item.name, tool.id);
    mkdirSync(dir, { recursive: true });
    const cell: Cell = { tool: tool.id, runs: [] };
    const files = filesOf(dir, 'warmup');
    let rounds = 0;
    try {
      const warmup = measure(tool.command(item, files.report), files, settings.timeoutMs);
      loads.push(warmup.load1);
      cell.warmup = warmup;
      if (!tool.completedExitCodes.includes(warmup.exitCode)) {
        throw new Error(`exited with ${warmup.exitCode}:\n${tail(files.stderr) || tail(files.stdout)}`);
      }
      const output = { item, stdoutFile: files.stdout, reportFile: files.report };
      const found = tool.findings(output);
      if (found && item.truth) cell.scores = scoreFindings(item.truth, found.failing);
      if (found) {
        cell.reported = found.failing.length;
        cell.reportedByControl = Object.fromEntries(
          CONTROLS.map((c) => [c, found.failing.filter((f) => f.control === c).length]),
        ) as Record<Control, number>;
        cell.undecided = found.undecided;
      }
      if (tool.problems) cell.problems = tool.problems(output);
      const warmupSeconds = warmup.wallMs / 1000;
      rounds = Math.max(1, Math.min(settings.runs, Math.floor(settings.budgetSeconds / warmupSeconds)));
      if (warmupSeconds > settings.budgetSeconds) {
        // One run is longer than the whole budget: its warm-up is its only measurement (a cold start
        // matters little against minutes of work, and lexguard has just read the same files).
        rounds = 0;
        cell.runs.push(warmup);
        cell.bounded = `1 run, not ${settings.runs}: one run took ${warmupSeconds.toFixed(0)} s, over the ${settings.budgetSeconds} s budget per tool and item, so its warm-up run is its measurement`;
      } else if (rounds < settings.runs) {
        cell.bounded = `${rounds} run${rounds === 1 ? '' : 's'}, not ${settings.runs}: the warm-up took ${warmupSeconds.toFixed(0)} s and the budget is ${settings.budgetSeconds} s per tool and item`;
      }

      log(`  ${tool.id}: warm-up ${warmupSeconds.toFixed(2)} s, ${rounds} run(s) to go`);
    } catch (thrown) {
      cell.error = thrown instanceof Error ? thrown.message : String(thrown);
      log(`  ${tool.id}: FAILED ${cell.error.split('\n')[0]}`);
    }
    slots.push({ tool, cell, rounds, dir, timings: [] });
  }

  const maxRounds = Math.max(0, ...slots.map((slot) => slot.rounds));
  for (let round = 0; round < maxRounds; round++) {
    for (const slot of slots) {
      if (round >= slot.rounds) continue;
      const files = filesOf(slot.dir, 'run');
      let run: Run;
      try {
        run = measure(slot.tool.command(item, files.report), files, settings.timeoutMs);
      } catch (thrown) {
        slot.cell.error = `round ${round + 1}: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
        slot.rounds = round;
        continue;
      }
      loads.push(run.load1);

      if (!slot.tool.completedExitCodes.includes(run.exitCode)) {
        slot.cell.error = `round ${round + 1} exited with ${run.exitCode}:\n${tail(files.stderr)}`;
        slot.rounds = round;
        continue;
      }
      slot.cell.runs.push(run);
      const timings = slot.tool.id.startsWith('lexguard') ? readTimings(files.stderr) : undefined;
      if (timings) slot.timings.push(timings);
    }
  }

  const five = slots.find((slot) => slot.tool.id === 'lexguard-five')?.cell.runs ?? [];
  const full = slots.find((slot) => slot.tool.id === 'lexguard-full')?.cell.runs ?? [];
  for (const { cell, timings } of slots) {
    if (cell.runs.length === 0) continue;
    cell.wallMs = spread(cell.runs.map((r) => r.wallMs));
    cell.cpuMs = spread(cell.runs.map((r) => r.cpuMs));
    cell.peakRssMb = Math.max(...cell.runs.map((r) => r.peakRssMb));
    cell.resourcesPerSecond = item.resources / (cell.wallMs.median / 1000);
    cell.ratioToFive = pairs(cell.runs, five);
    cell.ratioToFull = pairs(cell.runs, full);
    if (timings.length) {
      const phases = Object.keys(timings[0]);
      cell.timings = Object.fromEntries(
        phases.map((phase) => [phase, spread(timings.map((t) => t[phase] ?? 0))]),
      );
    }
  }
  return {
    item: summariseItem(item),
    cells: slots.map((slot) => slot.cell),
    load: [Math.min(...loads), Math.max(...loads)],
  };
}

/** Round by round, this tool's wall time over the reference's in the same round. */
export function pairs(runs: readonly Run[], reference: readonly Run[]): Spread | undefined {
  const n = Math.min(runs.length, reference.length);
  if (n === 0) return undefined;
  return spread(Array.from({ length: n }, (_, i) => runs[i].wallMs / reference[i].wallMs));
}
