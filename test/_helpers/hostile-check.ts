import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli, type CliRun } from './cli';
import type { Damage } from './hostile-templates';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

/** One scan of one hostile file through the CLI's `main`, and what it said. */
export interface HostileOutcome {
  file: string;
  run: CliRun;
  report?: ScanReport;
  ms: number;
}

/** Longest one hostile file may take to be scanned or refused (the machine is shared and loaded). */
export const HOSTILE_TIME_LIMIT_MS = 20_000;

/** Writes `bytes` to `dir/name` and scans it with the JSON report on standard output. */
export async function scanHostile(dir: string, name: string, bytes: Buffer): Promise<HostileOutcome> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const started = Date.now();
  const run = await runCli(['scan', 'template', file, '--format', 'json']);
  const ms = Date.now() - started;
  let report: ScanReport | undefined;
  try {
    report = parseScanReport(run.stdout, 'report');
  } catch {
    report = undefined;
  }
  return { file, run, report, ms };
}

/**
 * What is wrong with how the CLI answered a hostile file, as sentences (none when all is well): it must
 * exit 0, 1 or 2 and never throw; print a JSON report; print nothing to standard error but one
 * `lexguard: ` line per problem, with no stack trace; refuse the file only with its name and position
 * (line and column), never as a fault of lexguard itself; and answer in bounded time.
 */
export function violations(outcome: HostileOutcome): string[] {
  const { run, report, file, ms } = outcome;
  const found: string[] = [];
  if (![0, 1, 2].includes(run.code)) found.push(`exit code ${run.code}`);
  if (/\n\s+at /.test(run.stderr)) found.push(`a stack trace on standard error: ${run.stderr.slice(0, 300)}`);
  for (const line of run.stderr.split('\n').filter(Boolean)) {
    if (!line.startsWith('lexguard: ')) found.push(`a stray line on standard error: ${line.slice(0, 200)}`);
  }
  if (ms > HOSTILE_TIME_LIMIT_MS) found.push(`took ${ms} ms`);
  if (!report) return [...found, `no JSON report on standard output: ${run.stdout.slice(0, 200)}`];
  for (const error of report.errors) {
    if (error.code === 'INTERNAL') found.push(`a fault of lexguard itself: ${error.message.slice(0, 200)}`);
    if (error.file !== file) found.push(`an error naming ${String(error.file)}, not the file`);
    if (error.line === undefined) found.push(`an error without a line: ${error.message.slice(0, 200)}`);
    const where = `${file}:${error.line}${error.column !== undefined ? `:${error.column}` : ''}: `;
    if (!run.stderr.includes(`lexguard: ${where}`)) found.push(`standard error does not name ${where}`);
  }
  if (report.errors.length > 0 && run.code !== 2) found.push(`exit code ${run.code} for a refused file`);
  return found;
}

/** Whether a damage must make the scanner refuse the file, whatever the template. */
export function mustRefuse(harm: Damage, maxDepth = 100): boolean {
  return harm.kind === 'invalid-utf8' || (harm.kind === 'deep' && harm.depth > maxDepth);
}

/** `rule resource status` of every finding, for comparing two scans of the same template. */
export function verdicts(report: ScanReport | undefined): string[] {
  return (report?.findings ?? []).map((f) => `${f.rule_id} ${f.resource.id} ${f.status}`).sort();
}
