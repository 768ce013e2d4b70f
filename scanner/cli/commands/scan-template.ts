import type { Command } from 'commander';
import { scanTemplates } from '../../scan/scan-templates';
import type { CliContext } from '../context';
import { addHistoryOptions, type HistoryOptions } from '../history-options';
import { addParameterOptions, runTemplateScan, type ParameterOptions } from '../parameter-options';
import { addReportOptions, type ReportOptions } from '../report-options';
import { addTimingsOption, type TimingsOptions } from '../timings-option';

export function registerScanTemplate(scan: Command, context: CliContext): void {
  addTimingsOption(
    addHistoryOptions(
      addParameterOptions(
        addReportOptions(
          scan
            .command('template')
            .description(
              'scan CloudFormation templates (JSON or YAML files, directories of them, or glob patterns)',
            )
            .argument('<paths...>', 'template files, directories or glob patterns (quote them)'),
        ),
      ),
    ),
  ).action((paths: string[], options: ReportOptions & ParameterOptions & HistoryOptions & TimingsOptions) =>
    runTemplateScan(options, context, (inputs) => scanTemplates({ ...inputs, paths })),
  );
}
