/**
 * Helpers the peers' installers share. Every peer is installed by the benchmark itself, pinned to an exact
 * version, into its own folder under `bench/.peers/` (git-ignored); an installer first asks the installed
 * tool its version and does nothing when it matches, so a second run reuses what the first installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PEERS } from './paths';

/** An installer that could not finish: the command it ran and the end of what that command said. */
export class InstallError extends Error {}

export interface Installed {
  version: string;
  /** What the installer did this time: nothing (reused), or installed. */
  action: 'reused' | 'installed';
  seconds: number;
}

/** Runs a command to completion, returning its output; throws an InstallError with the exact error. */
export function runOrThrow(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): string {
  const run = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 60 * 60 * 1000,
  });
  const shown = `${command} ${args.join(' ')}`;
  if (run.error) throw new InstallError(`\`${shown}\` could not be run: ${run.error.message}`);
  if (run.status !== 0) {
    const said = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').slice(-12).join('\n');
    throw new InstallError(`\`${shown}\` exited with ${run.status ?? run.signal}:\n${said}`);
  }
  return `${run.stdout ?? ''}${run.stderr ?? ''}`;
}

/** The output of `command args`, or undefined when it cannot be run or fails (the tool is not installed). */
export function tryRun(command: string, args: string[]): string | undefined {
  if (path.isAbsolute(command) && !existsSync(command)) return undefined;
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  return run.status === 0 ? `${run.stdout}${run.stderr}` : undefined;
}

export function peerDir(name: string): string {
  const dir = path.join(PEERS, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Reuses the tool when `installedVersion()` already answers `version`, else runs `install` and checks again.
 * Throws an InstallError when the installed tool still does not answer the pinned version.
 */
export function ensureInstalled(
  name: string,
  version: string,
  installedVersion: () => string | undefined,
  install: () => void,
): Installed {
  const started = Date.now();
  if (installedVersion() === version) return { version, action: 'reused', seconds: 0 };
  process.stdout.write(
    `bench: installing ${name} ${version} into ${path.relative(process.cwd(), PEERS)}/ …\n`,
  );
  install();
  const after = installedVersion();
  if (after !== version) {
    throw new InstallError(
      `${name} was installed, but it reports version ${after ?? '(none)'}, not ${version}`,
    );
  }
  return { version, action: 'installed', seconds: (Date.now() - started) / 1000 };
}

/** A Python virtualenv of its own with one pinned package: `python3 -m venv`, then pip. */
export function installPythonPackage(dir: string, pkg: string, version: string): void {
  if (!existsSync(path.join(dir, 'bin', 'python'))) runOrThrow('python3', ['-m', 'venv', dir]);
  runOrThrow(path.join(dir, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-input',
    `${pkg}==${version}`,
  ]);
}
