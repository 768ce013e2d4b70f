import type { Command } from 'commander';
import { PolicyEngine } from '../../engine/policy-engine';
import { scanAssembly } from '../../scan/scan-assembly';
import type { CliContext } from '../context';
import { addParameterOptions, parametersFrom, type ParameterOptions } from '../parameter-options';
import { addReportOptions, deliverReport, planReport, type ReportOptions } from '../report-options';

type ScanAssemblyOptions = ReportOptions & ParameterOptions;

export function registerScanAssembly(scan: Command, context: CliContext): void {
  addParameterOptions(
    addReportOptions(
      scan
        .command('assembly')
        .description('scan a CDK cloud assembly: every stack, stage and nested stack, as one model')
        .argument('[dir]', 'the cloud assembly folder', 'cdk.out'),
    ),
  ).action(async (dir: string, options: ScanAssemblyOptions) => {
    const plan = planReport(options);
    const parameters = parametersFrom(options);
    const engine = await PolicyEngine.load();
    const report = scanAssembly({
      dir,
      engine,
      config: plan.config,
      suppressions: plan.suppressions,
      parameters,
      limits: plan.config.limits,
    });
    deliverReport(report, plan, context);
  });
}
