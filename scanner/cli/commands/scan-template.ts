import type { Command } from 'commander';
import { PolicyEngine } from '../../engine/policy-engine';
import { scanTemplates } from '../../scan/scan-templates';
import type { CliContext } from '../context';
import { addHistoryOptions, storeScanIfAsked, type HistoryOptions } from '../history-options';
import { collectParameter } from '../options';
import { addReportOptions, deliverReport, planReport, type ReportOptions } from '../report-options';

interface ScanTemplateOptions extends ReportOptions, HistoryOptions {
  param: Record<string, string>;
  region?: string;
  account?: string;
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
    .option('--region <region>', 'the region the templates are deployed to (AWS::Region)')
    .option('--account <id>', 'the account the templates are deployed to (AWS::AccountId)')
    .action(async (paths: string[], options: ScanTemplateOptions) => {
      const plan = planReport(options);
      const engine = await PolicyEngine.load();
      const report = scanTemplates({
        paths,
        engine,
        config: plan.config,
        suppressions: plan.suppressions,
        parameters: options.param,
        deployment: { region: options.region, accountId: options.account },
      });
      deliverReport(report, plan, context);
      await storeScanIfAsked(report, options, context);
    });
}
