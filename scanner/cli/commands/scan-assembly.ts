import type { Command } from 'commander';
import { scanAssembly } from '../../scan/scan-assembly';
import type { CliContext } from '../context';
import { addHistoryOptions, type HistoryOptions } from '../history-options';
import { addParameterOptions, runTemplateScan, type ParameterOptions } from '../parameter-options';
import { addReportOptions, type ReportOptions } from '../report-options';
import { addTimingsOption, type TimingsOptions } from '../timings-option';

export function registerScanAssembly(scan: Command, context: CliContext): void {
  addTimingsOption(
    addHistoryOptions(
      addParameterOptions(
        addReportOptions(
          scan
            .command('assembly')
            .description('scan a CDK cloud assembly: every stack, stage and nested stack, as one model')
            .argument('[dir]', 'the cloud assembly folder', 'cdk.out'),
        ),
      ),
    ),
  ).action((dir: string, options: ReportOptions & ParameterOptions & HistoryOptions & TimingsOptions) =>
    runTemplateScan(options, context, (inputs) => scanAssembly({ ...inputs, dir })),
  );
}
