import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_RULE_CONFIG } from '../config/defaults';
import { PolicyEngine } from '../engine/policy-engine';
import { describeThrown } from '../errors';
import { EXIT, exitCodeFor, type GatePolicy } from '../findings/exit-code';
import type { Severity } from '../findings/severity';
import { reporterFor, reporterNames } from '../reporters/registry';
import { scanTemplates } from '../scan/scan-templates';
import { lexguardVersion } from '../util/version';
import { collectParameter, parseSeverity } from './options';
import { processSink, type OutputSink } from './output';

interface ScanTemplateOptions {
  format: string;
  output?: string;
  failOn: Severity;
  failOnUnknown: boolean;
  param: Record<string, string>;
  showPassed: boolean;
}

/**
 * Runs the lexguard command line and returns the exit code: 0 when nothing at or above `--fail-on`
 * failed, 1 when something did, 2 on bad input or usage. Never throws: every error becomes one line on
 * standard error.
 */
export async function main(argv: readonly string[], sink: OutputSink = processSink): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = new Command('lexguard')
    .description("Checks AWS templates, CDK apps and accounts against the firm's confidentiality policy")
    .version(lexguardVersion())
    .exitOverride()
    .configureOutput({ writeOut: sink.stdout, writeErr: sink.stderr });

  const scan = program.command('scan').description('scan templates, cloud assemblies or accounts');
  scan
    .command('template')
    .description('scan CloudFormation templates (JSON or YAML files, or directories of them)')
    .argument('<paths...>', 'template files or directories')
    .addOption(new Option('-f, --format <format>', 'output format').choices(reporterNames()).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option(
      '--fail-on <severity>',
      'fail on findings at or above this severity',
      parseSeverity,
      'LOW' as Severity,
    )
    .option('--fail-on-unknown', 'UNKNOWN findings at or above the threshold fail the gate too', false)
    .option('-p, --param <Key=Value>', 'a template parameter value (repeatable)', collectParameter, {})
    .option('--show-passed', 'list PASS and NOT_APPLICABLE findings too, not only count them', false)
    .action(async (paths: string[], options: ScanTemplateOptions) => {
      exitCode = await scanTemplateCommand(paths, options, sink);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // Help and version exit with 0; commander has already printed what it had to say.
      return thrown.exitCode === 0 ? EXIT.OK : EXIT.INPUT_ERROR;
    }
    sink.stderr(`lexguard: ${describeThrown(thrown)}\n`);
    return EXIT.INPUT_ERROR;
  }
}

async function scanTemplateCommand(
  paths: string[],
  options: ScanTemplateOptions,
  sink: OutputSink,
): Promise<number> {
  const reporter = reporterFor(options.format);
  const engine = await PolicyEngine.load();
  const report = scanTemplates({ paths, engine, config: DEFAULT_RULE_CONFIG, parameters: options.param });
  const gate: GatePolicy = { failOn: options.failOn, failOnUnknown: options.failOnUnknown };
  const rendered = reporter.render(report, {
    color: !options.output && sink.colorful,
    showPassed: options.showPassed,
    gate,
  });
  if (options.output) sink.writeFile(options.output, rendered);
  else sink.stdout(rendered);
  for (const error of report.errors) {
    const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
    sink.stderr(`lexguard: ${where ? `${where}: ` : ''}${error.message}\n`);
  }
  return exitCodeFor(report.findings, gate, report.errors.length);
}
