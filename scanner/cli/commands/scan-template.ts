import type { Command } from 'commander';
import { PolicyEngine } from '../../engine/policy-engine';
import { scanTemplates } from '../../scan/scan-templates';
import type { CliContext } from '../context';
import { addParameterOptions, parametersFrom, type ParameterOptions } from '../parameter-options';
import { addReportOptions, deliverReport, planReport, type ReportOptions } from '../report-options';

type ScanTemplateOptions = ReportOptions & ParameterOptions;

export function registerScanTemplate(scan: Command, context: CliContext): void {
  addParameterOptions(
    addReportOptions(
      scan
        .command('template')
        .description(
          'scan CloudFormation templates (JSON or YAML files, directories of them, or glob patterns)',
        )
        .argument('<paths...>', 'template files, directories or glob patterns (quote them)'),
    ),
  ).action(async (paths: string[], options: ScanTemplateOptions) => {
    const plan = planReport(options);
    const parameters = parametersFrom(options);
    const engine = await PolicyEngine.load();
    const report = scanTemplates({
      paths,
      engine,
      config: plan.config,
      suppressions: plan.suppressions,
      parameters,
      limits: plan.config.limits,
    });
    deliverReport(report, plan, context);
  });
}
