/** The machine a run measured: CPU, cores, memory, load, and the runtimes the tools ran on. */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  python: string;
  go: string;
  rustc: string;
  os: string;
}

const firstLine = (command: string, args: string[]): string => {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return run.status === 0 ? `${run.stdout}${run.stderr}`.trim().split('\n')[0] : `(${command} not available)`;
};

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    python: firstLine('python3', ['--version']),
    go: firstLine('go', ['version']),
    rustc: firstLine('rustc', ['--version']),
    os: firstLine('uname', ['-srm']),
  };
}

/** `uptime`, as the machine reports it: the load averages over 1, 5 and 15 minutes. */
export function uptime(): string {
  const run = spawnSync('uptime', [], { encoding: 'utf8' });
  return run.status === 0
    ? run.stdout.trim()
    : `load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`;
}
