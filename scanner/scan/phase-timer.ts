import { performance } from 'node:perf_hooks';

/**
 * The phases of a scan `--timings` reports, in the order they run. Only the innermost steps are timed, so
 * the phases never overlap and add up to at most the whole run.
 * - `start`: from the process's time origin to the command's action: Node itself and loading lexguard's modules
 * - `load`: configuration, suppressions and the policy bundle
 * - `parse`: reading and parsing template files
 * - `resolve`: building the model (intrinsics, adapters, links)
 * - `evaluate`: the rules, in Wasm
 * - `findings`: results to findings, with their positions
 * - `report`: rendering and writing the reports
 */
export const PHASES = ['start', 'load', 'parse', 'resolve', 'evaluate', 'findings', 'report'] as const;
export type Phase = (typeof PHASES)[number];

/** Adds up wall time per phase. Library code is given one only when the CLI was asked for `--timings`. */
export class PhaseTimer {
  private readonly totals = new Map<Phase, number>();

  time<T>(phase: Phase, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  async timeAsync<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  add(phase: Phase, milliseconds: number): void {
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + milliseconds);
  }

  /** Milliseconds per phase, every phase present (0 when it did not run). */
  totalsMs(): Record<Phase, number> {
    return Object.fromEntries(PHASES.map((phase) => [phase, this.totals.get(phase) ?? 0])) as Record<
      Phase,
      number
    >;
  }
}

/** Runs `work` inside `phase` when there is a timer, and plainly when there is none. */
export function timed<T>(timer: PhaseTimer | undefined, phase: Phase, work: () => T): T {
  return timer ? timer.time(phase, work) : work();
}

/**
 * One line for standard error, stable for scripts to read:
 * `lexguard: timings (ms): start=61.2 load=24.0 … other=3.1 total=190.4`. `other` is what the phases do
 * not cover (commander, merging scenarios, the gate); `total` runs from the process's time origin to now.
 */
export function formatTimings(timer: PhaseTimer): string {
  const totals = timer.totalsMs();
  const total = performance.now();
  const covered = PHASES.reduce((sum, phase) => sum + totals[phase], 0);
  const parts = [
    ...PHASES.map((phase) => `${phase}=${totals[phase].toFixed(1)}`),
    `other=${Math.max(0, total - covered).toFixed(1)}`,
    `total=${total.toFixed(1)}`,
  ];
  return `lexguard: timings (ms): ${parts.join(' ')}\n`;
}
