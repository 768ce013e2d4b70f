import type { Command } from 'commander';
import { loadConfig, type LexguardConfig } from '../config/load-config';
import { baselineOf, readBaseline } from '../findings/baseline';
import { gateOutcome, type GatePolicy } from '../findings/exit-code';
import type { ScanReport } from '../findings/scan-report';
import type { Severity } from '../findings/severity';
import { loadSuppressionsFile } from '../suppressions/load-suppressions-file';
import type { Suppression } from '../suppressions/suppression';
import { terminalSafe } from '../reporters/terminal-escape';
import type { CliContext } from './context';
import { parseSeverity } from './options';
import { formatOption, planOutputs, type FormatRequest, type PlannedOutput } from './output-plan';

/** The options every scan command shares: outputs, gate, configuration, suppressions and baseline. */
export interface ReportOptions {
  format: FormatRequest[];
  output?: string;
  failOn: Severity;
  failOnUnknown: boolean;
  showPassed: boolean;
  config?: string;
  suppressions?: string;
  attestations?: string;
  strictSuppressions: boolean;
  baseline?: string;
  writeBaseline?: string;
}

/** Everything a scan command needs before it scans, read and checked at once so bad input stops it early. */
export interface ReportPlan {
  config: LexguardConfig;
  /** The central file's suppressions; the scan adds those in resources' Metadata. */
  suppressions: Suppression[];
  gate: GatePolicy;
  outputs: PlannedOutput[];
  showPassed: boolean;
  writeBaseline?: string;
}

export function addReportOptions(command: Command): Command {
  return command
    .addOption(formatOption('table on standard output'))
    .option('-o, --output <file>', 'the file for the one --format given without =FILE')
    .option(
      '--fail-on <severity>',
      'fail on findings at or above this severity',
      parseSeverity,
      'LOW' as Severity,
    )
    .option('--fail-on-unknown', 'UNKNOWN findings at or above the threshold fail the gate too', false)
    .option('--baseline <file>', 'fail only on findings not in this baseline (or previous JSON report)')
    .option('--write-baseline <file>', "write this scan's FAIL and UNKNOWN findings as a baseline")
    .option(
      '--suppressions <file>',
      'central suppressions file (default: ./lexguard.suppressions.yaml when present)',
    )
    .option('--strict-suppressions', 'a suppression that matches no failing finding fails the gate', false)
    .option(
      '--attestations <file>',
      'attestations of the practices no API shows (default: ./lexguard.attestations.yaml when present)',
    )
    .option('--show-passed', 'list PASS and NOT_APPLICABLE findings too, not only count them', false)
    .option('-c, --config <file>', 'configuration file (default: ./lexguard.config.yaml when present)');
}

/** Reads configuration, suppressions and baseline and plans the outputs, before anything is scanned. */
export function planReport(options: ReportOptions): ReportPlan {
  const outputs = planOutputs(options.format, options.output);
  const config = loadConfig(options.config);
  const suppressions = loadSuppressionsFile(options.suppressions);
  return {
    config,
    suppressions,
    outputs,
    showPassed: options.showPassed,
    gate: {
      failOn: options.failOn,
      failOnUnknown: options.failOnUnknown,
      strictSuppressions: options.strictSuppressions,
      ...(options.baseline !== undefined ? { baseline: readBaseline(options.baseline) } : {}),
    },
    ...(options.writeBaseline !== undefined ? { writeBaseline: options.writeBaseline } : {}),
  };
}

/** Renders every planned report, writes them, names each input problem on standard error, sets the exit code. */
export function deliverReport(report: ScanReport, plan: ReportPlan, context: CliContext): void {
  for (const { reporter, file } of plan.outputs) {
    const options = {
      color: file === undefined && context.sink.colorful,
      showPassed: plan.showPassed,
      gate: plan.gate,
    };
    if (file === undefined) context.sink.stdout(reporter.render(report, options));
    else
      context.sink.writeFile(
        file,
        reporter.renderChunks?.(report, options) ?? reporter.render(report, options),
      );
  }
  if (plan.writeBaseline !== undefined) {
    context.sink.writeFile(plan.writeBaseline, `${JSON.stringify(baselineOf(report), null, 2)}\n`);
  }
  for (const error of report.errors) {
    const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
    context.sink.stderr(`lexguard: ${terminalSafe(`${where ? `${where}: ` : ''}${error.message}`)}\n`);
  }
  context.setExitCode(gateOutcome(report, plan.gate).exitCode);
}
