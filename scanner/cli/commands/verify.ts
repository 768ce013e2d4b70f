import type { Command } from 'commander';
import { readPolicyBundle } from '../../engine/policy-bundle';
import { EXIT } from '../../findings/exit-code';
import { readScanReportFile } from '../../findings/read-scan-report';
import { terminalSafe } from '../../reporters/terminal-escape';
import { verifyReport } from '../../findings/verify-report';
import type { CliContext } from '../context';

/**
 * `lexguard verify <report.json...>`: each JSON scan report against its schema and the installed policy
 * bundle. Exit 0 when every report verifies, 1 when one does not (each problem on standard error), 2 when
 * a file is not a scan report at all (with its line and column).
 */
export function registerVerify(program: Command, context: CliContext): void {
  program
    .command('verify')
    .description("check JSON scan reports against their schema and the installed policy bundle's digest")
    .argument('<reports...>', 'JSON scan reports (lexguard scan … --format json)')
    .action((files: string[]) => {
      const { manifest } = readPolicyBundle();
      let failed = false;
      for (const file of files) {
        const { problems, bundle } = verifyReport(readScanReportFile(file), manifest);
        if (problems.length === 0) {
          context.sink.stdout(
            `${terminalSafe(file)}: verified: policy ${bundle.digest.slice(0, 12)} (${bundle.rules} rules), summary consistent\n`,
          );
          continue;
        }
        failed = true;
        for (const problem of problems) context.sink.stderr(`lexguard: ${terminalSafe(file)}: ${problem}\n`);
      }
      context.setExitCode(failed ? EXIT.FINDINGS : EXIT.OK);
    });
}
