import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { PhaseTimer } from '../scan/phase-timer';

export interface TimingsOptions {
  timings: boolean;
}

export function addTimingsOption(command: Command): Command {
  return command.option(
    '--timings',
    'print the time each phase took (start, load, parse, resolve, evaluate, findings, report) to standard error',
    false,
  );
}

/**
 * A timer when `--timings` asks for one, already holding the `start` phase: the time from the process's
 * origin to now, which is Node's own start-up and the loading of lexguard's modules.
 */
export function timerFor(options: TimingsOptions): PhaseTimer | undefined {
  if (!options.timings) return undefined;
  const timer = new PhaseTimer();
  timer.add('start', performance.now());
  return timer;
}
