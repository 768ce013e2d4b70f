import path from 'node:path';
import type { Command } from 'commander';
import { scanAssembly } from '../../scan/scan-assembly';
import { synthesizeApp } from '../../sources/assembly/synth-app';
import type { CliContext } from '../context';
import { addHistoryOptions, type HistoryOptions } from '../history-options';
import { addParameterOptions, runTemplateScan, type ParameterOptions } from '../parameter-options';
import { addReportOptions, type ReportOptions } from '../report-options';
import { addTimingsOption, type TimingsOptions } from '../timings-option';

export function registerScanCdk(scan: Command, context: CliContext): void {
  addTimingsOption(
    addHistoryOptions(
      addParameterOptions(
        addReportOptions(
          scan
            .command('cdk')
            .description(
              'synthesize the CDK app in this folder (its cdk.json; offline, no credentials) and scan the cloud assembly',
            ),
        ),
      ),
    ),
  ).action((options: ReportOptions & ParameterOptions & HistoryOptions & TimingsOptions) =>
    runTemplateScan(options, context, (inputs) => {
      const dir = path.relative(process.cwd(), synthesizeApp({ cwd: process.cwd() })) || '.';
      return scanAssembly({ ...inputs, dir });
    }),
  );
}
