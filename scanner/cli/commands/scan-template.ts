import type { Command } from 'commander';
import { PolicyEngine } from '../../engine/policy-engine';
import { scanTemplates } from '../../scan/scan-templates';
import type { CliContext } from '../context';
import { addHistoryOptions, storeScanIfAsked, type HistoryOptions } from '../history-options';
import { collectParameter } from '../options';
import { addReportOptions, deliverReport, planReport, type ReportOptions } from '../report-options';

interface ScanTemplateOptions extends ReportOptions, HistoryOptions {
  param: Record<string, string>;
}

export function registerScanTemplate(scan: Command, context: CliContext): void {
  addHistoryOptions(
    addReportOptions(
      scan
        .command('template')
        .description('scan CloudFormation templates (JSON or YAML files, or directories of them)')
        .argument('<paths...>', 'template files or directories'),
    ),
  )
    .option('-p, --param <Key=Value>', 'a template parameter value (repeatable)', collectParameter, {})
    .action(async (paths: string[], options: ScanTemplateOptions) => {
      const plan = planReport(options);
      const engine = await PolicyEngine.load();
      const report = scanTemplates({
        paths,
        engine,
        config: plan.config,
        suppressions: plan.suppressions,
        parameters: options.param,
      });
      deliverReport(report, plan, context);
      await storeScanIfAsked(report, options, context);
    });
}
