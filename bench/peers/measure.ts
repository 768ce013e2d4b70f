/**
 * Runs one command as a user would, under GNU time (`/usr/bin/time -v`), and records its wall time (measured
 * here, around the whole process), its CPU time and peak resident memory (from GNU time: the largest process
 * of the tree), its exit code and the machine's load when it ran. Standard output and error go to files, so
 * no tool pays for a pipe the others do not.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export const GNU_TIME = '/usr/bin/time';

export interface Command {
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}

export interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  exitCode: number;
  /** 1-minute load average just before the run. */
  load1: number;
}

export interface RunFiles {
  stdout: string;
  stderr: string;
  /** Where GNU time writes its report. */
  time: string;
}

export function measure(command: Command, files: RunFiles, timeoutMs: number): Run {
  if (!existsSync(GNU_TIME)) {
    throw new Error(
      `${GNU_TIME} is missing: install GNU time (Debian: apt-get install time) to measure peak memory`,
    );
  }
  const stdout = openSync(files.stdout, 'w');
  const stderr = openSync(files.stderr, 'w');
  const load1 = loadavg()[0];
  const started = process.hrtime.bigint();
  try {
    const run = spawnSync(GNU_TIME, ['-v', '-o', files.time, command.command, ...command.args], {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ['ignore', stdout, stderr],
      timeout: timeoutMs,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.error) throw new Error(`${command.command} could not be run: ${run.error.message}`);
    if (run.signal)
      throw new Error(
        `${command.command} was stopped by ${run.signal} after ${(wallMs / 1000).toFixed(0)} s`,
      );
    const report = readFileSync(files.time, 'utf8');
    const number = (label: string): number => {
      const match = new RegExp(`${label}: ([\\d.]+)`).exec(report);
      if (!match) throw new Error(`GNU time's report has no "${label}":\n${report}`);
      return Number(match[1]);
    };
    return {
      wallMs,
      cpuMs: (number('User time \\(seconds\\)') + number('System time \\(seconds\\)')) * 1000,
      peakRssMb: number('Maximum resident set size \\(kbytes\\)') / 1024,
      exitCode: number('Exit status'),
      load1,
    };
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
}
