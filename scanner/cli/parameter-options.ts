import type { Command } from 'commander';
import { attestedControlIds, loadAttestationsFile } from '../attestations/load-attestations';
import { PolicyEngine } from '../engine/policy-engine';
import type { ScanReport } from '../findings/scan-report';
import { formatTimings, timed } from '../scan/phase-timer';
import type { TemplateSourceScanOptions } from '../scan/scan-start';
import { readParameterFile } from '../sources/template/parameter-file';
import type { CliContext } from './context';
import { storeScanIfAsked, type HistoryOptions } from './history-options';
import { collectParameter } from './options';
import { deliverReport, planReport, type ReportOptions } from './report-options';
import { timerFor, type TimingsOptions } from './timings-option';

/** Template parameter values: files first, in order, then `--param`, which wins. */
export interface ParameterOptions {
  param: Record<string, string>;
  parameters: string[];
}

export function addParameterOptions(command: Command): Command {
  return command
    .option(
      '-p, --param <Key=Value>',
      'a template parameter value, or a pseudo parameter such as AWS::Region=eu-west-1 (repeatable; wins over files)',
      collectParameter,
      {},
    )
    .option(
      '--parameters <file>',
      'a parameter file: [{ParameterKey, ParameterValue}] as the AWS CLI takes it, or a map of names to values (repeatable)',
      (file: string, previous: string[]) => [...previous, file],
      [],
    );
}

/** Reads the parameter files before anything is scanned, so a bad one stops the run at once. */
export function parametersFrom(options: ParameterOptions): Record<string, string> {
  const fromFiles = options.parameters.map((file) => readParameterFile(file));
  return Object.assign({}, ...fromFiles, options.param) as Record<string, string>;
}

/** What a scan of templates or assemblies is given from the command line. */
export type ScanInputs = Pick<
  TemplateSourceScanOptions,
  'engine' | 'config' | 'suppressions' | 'parameters' | 'limits' | 'attestations' | 'timer'
>;

/**
 * The action of every command that scans templates: read configuration, suppressions and parameter files
 * (a bad one stops the run before anything is scanned), load the rules, read the attestations (whose
 * control ids the rules' catalog defines), scan, deliver the reports, and store the scan in the history
 * when `--history` asks. With `--timings`, the time of each phase goes to standard error at the end.
 */
export async function runTemplateScan(
  options: ReportOptions & ParameterOptions & HistoryOptions & TimingsOptions,
  context: CliContext,
  scan: (inputs: ScanInputs) => ScanReport,
): Promise<void> {
  const timer = timerFor(options);
  const { plan, parameters } = timed(timer, 'load', () => ({
    plan: planReport(options),
    parameters: parametersFrom(options),
  }));
  const engine = timer ? await timer.timeAsync('load', () => PolicyEngine.load()) : await PolicyEngine.load();
  const attestations = timed(timer, 'load', () =>
    loadAttestationsFile(attestedControlIds(engine.manifest.catalog), options.attestations),
  );
  const report = scan({
    engine,
    config: plan.config,
    suppressions: plan.suppressions,
    parameters,
    limits: plan.config.limits,
    attestations,
    timer,
  });
  timed(timer, 'report', () => deliverReport(report, plan, context));
  await storeScanIfAsked(report, options, context);
  if (timer) context.sink.stderr(formatTimings(timer));
}
