import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const POLICIES_DIR = path.join(ROOT, 'policies');
export const INPUT_SCHEMA_FILE = path.join(POLICIES_DIR, 'schema', 'input.json');

/** Path of a tool installed by `scripts/install-tools.sh`; fails loudly when it is not there. */
export function toolPath(name: 'opa' | 'regal'): string {
  const dir = process.env.LEXGUARD_TOOLS_DIR ?? path.join(ROOT, '.tools');
  const file = path.join(dir, 'bin', name);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: install the policy toolchain with \`npm run tools\``);
  }
  return file;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool and returns its output; a non-zero exit is returned, not thrown, for the caller to judge. */
export function run(tool: string, args: string[], cwd = POLICIES_DIR): RunResult {
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a tool and throws with its output when it fails. */
export function runOrThrow(tool: string, args: string[], cwd = POLICIES_DIR): string {
  const result = run(tool, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${path.basename(tool)} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** The Rego modules that make up the bundle, relative to `policies/` (tests excluded by `--ignore`). */
export const BUNDLE_ROOTS = ['main.rego', 'lib', 'checks'];
