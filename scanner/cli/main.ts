import { Command, CommanderError } from 'commander';
import { describeThrown } from '../errors';
import { EXIT } from '../findings/exit-code';
import { terminalSafe } from '../reporters/terminal-escape';
import { lexguardVersion } from '../util/version';
import { registerCatalog } from './commands/catalog';
import { registerDrift } from './commands/drift';
import { registerIamPolicy } from './commands/iam-policy';
import { registerScanLive } from './commands/scan-live';
import { registerReport } from './commands/report';
import { registerScanAssembly } from './commands/scan-assembly';
import { registerScanCdk } from './commands/scan-cdk';
import { registerScanTemplate } from './commands/scan-template';
import { registerVerify } from './commands/verify';
import type { CliContext } from './context';
import { processSink, type OutputSink } from './output';

/**
 * Runs the lexguard command line and returns the exit code: 0 when nothing at or above `--fail-on`
 * failed, 1 when something did, 2 on bad input or usage. Never throws: every error becomes one line on
 * standard error.
 */
export async function main(argv: readonly string[], sink: OutputSink = processSink): Promise<number> {
  let exitCode: number = EXIT.OK;
  const context: CliContext = { sink, setExitCode: (code) => (exitCode = code) };
  const program = new Command('lexguard')
    .description("Checks AWS templates, CDK apps and accounts against the firm's confidentiality policy")
    .version(lexguardVersion())
    .exitOverride()
    .configureOutput({ writeOut: sink.stdout, writeErr: sink.stderr });

  const scan = program.command('scan').description('scan templates, cloud assemblies or accounts');
  registerScanTemplate(scan, context);
  registerScanAssembly(scan, context);
  registerScanCdk(scan, context);
  registerScanLive(scan, context);
  registerIamPolicy(program, context);
  registerDrift(program, context);
  registerCatalog(program, context);
  registerReport(program, context);
  registerVerify(program, context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // Help and version exit with 0; commander has already printed what it had to say.
      return thrown.exitCode === 0 ? EXIT.OK : EXIT.INPUT_ERROR;
    }
    // Some errors are several lines by design (a failed synth ends with the app's output): their line
    // breaks stay, every other control character is escaped.
    sink.stderr(`lexguard: ${terminalSafe(describeThrown(thrown), { keepLineBreaks: true })}\n`);
    return EXIT.INPUT_ERROR;
  }
}
