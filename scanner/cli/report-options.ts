import { Option, type Command } from 'commander';
import { loadConfig, type LexguardConfig } from '../config/load-config';
import { exitCodeFor, type GatePolicy } from '../findings/exit-code';
import type { ScanReport } from '../findings/scan-report';
import type { Severity } from '../findings/severity';
import { reporterFor, reporterNames } from '../reporters/registry';
import type { CliContext } from './context';
import { parseSeverity } from './options';

/** The options every scan command shares: output, gate and configuration. */
export interface ReportOptions {
  format: string;
  output?: string;
  failOn: Severity;
  failOnUnknown: boolean;
  showPassed: boolean;
  config?: string;
}

export function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(reporterNames()).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option(
      '--fail-on <severity>',
      'fail on findings at or above this severity',
      parseSeverity,
      'LOW' as Severity,
    )
    .option('--fail-on-unknown', 'UNKNOWN findings at or above the threshold fail the gate too', false)
    .option('--show-passed', 'list PASS and NOT_APPLICABLE findings too, not only count them', false)
    .option('-c, --config <file>', 'configuration file (default: ./lexguard.config.yaml when present)');
}

/** Reads the configuration before anything is scanned, so a bad file stops the run at once. */
export function configFor(options: ReportOptions): LexguardConfig {
  return loadConfig(options.config);
}

/** Renders the report, writes it, names each input problem on standard error and sets the exit code. */
export function deliverReport(report: ScanReport, options: ReportOptions, context: CliContext): void {
  const reporter = reporterFor(options.format);
  const gate: GatePolicy = { failOn: options.failOn, failOnUnknown: options.failOnUnknown };
  const rendered = reporter.render(report, {
    color: !options.output && context.sink.colorful,
    showPassed: options.showPassed,
    gate,
  });
  if (options.output) context.sink.writeFile(options.output, rendered);
  else context.sink.stdout(rendered);
  for (const error of report.errors) {
    const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
    context.sink.stderr(`lexguard: ${where ? `${where}: ` : ''}${error.message}\n`);
  }
  context.setExitCode(exitCodeFor(report.findings, gate, report.errors.length));
}
