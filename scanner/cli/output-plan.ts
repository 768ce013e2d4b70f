import { InvalidArgumentError, Option } from 'commander';
import { LexguardError } from '../errors';
import { reporterFor, reporterNames } from '../reporters/registry';
import type { Reporter } from '../reporters/reporter';

/** One `--format NAME[=FILE]` as given. */
export interface FormatRequest {
  name: string;
  /** Where to write it; absent or `-` for standard output. */
  file?: string;
}

/** One report to render, and where it goes (no file: standard output). */
export interface PlannedOutput {
  reporter: Reporter;
  file?: string;
}

/** The repeatable `-f, --format NAME[=FILE]` option; `defaultText` says what happens without one. */
export function formatOption(defaultText: string): Option {
  return new Option(
    '-f, --format <name[=file]>',
    `a report to write: ${reporterNames().join(', ')}; to standard output, or to FILE (repeatable)`,
  )
    .argParser(collectFormat)
    .default([], defaultText);
}

/** Parses a repeatable `--format NAME[=FILE]`; commander turns the error into a usage error (exit 2). */
export function collectFormat(value: string, previous: FormatRequest[]): FormatRequest[] {
  const equals = value.indexOf('=');
  const name = (equals < 0 ? value : value.slice(0, equals)).trim();
  const file = equals < 0 ? undefined : value.slice(equals + 1);
  if (!reporterNames().includes(name)) {
    throw new InvalidArgumentError(`unknown format "${name}"; choose one of ${reporterNames().join(', ')}`);
  }
  if (file === '') throw new InvalidArgumentError(`expected ${name}=FILE, got "${value}"`);
  return [...previous, { name, ...(file !== undefined && file !== '-' ? { file } : {}) }];
}

/**
 * Decides which reports go where, refusing before any scan what cannot be done: `--output FILE` names the
 * file of the one format given without its own `=FILE`; at most one report goes to standard output; no
 * two reports go to the same file. No `--format` at all means the table on standard output.
 */
export function planOutputs(formats: readonly FormatRequest[], output: string | undefined): PlannedOutput[] {
  const requested: FormatRequest[] = formats.length > 0 ? [...formats] : [{ name: 'table' }];
  if (output !== undefined) {
    const withoutFile = requested.filter((request) => request.file === undefined);
    if (withoutFile.length !== 1) {
      throw new LexguardError(
        'USAGE',
        `--output names the file of the one --format given without one, but ${withoutFile.length} are; write each to its own file with --format NAME=FILE`,
      );
    }
    withoutFile[0].file = output;
  }
  const toStdout = requested.filter((request) => request.file === undefined);
  if (toStdout.length > 1) {
    throw new LexguardError(
      'USAGE',
      `only one report can go to standard output, but ${toStdout.map((r) => r.name).join(' and ')} would; write the others to files with --format NAME=FILE`,
    );
  }
  const seen = new Set<string>();
  for (const { file } of requested) {
    if (file === undefined) continue;
    if (seen.has(file)) throw new LexguardError('USAGE', `two reports would be written to ${file}`);
    seen.add(file);
  }
  return requested.map((request) => ({
    reporter: reporterFor(request.name),
    ...(request.file !== undefined ? { file: request.file } : {}),
  }));
}
