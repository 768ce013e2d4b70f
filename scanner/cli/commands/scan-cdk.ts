import path from 'node:path';
import type { Command } from 'commander';
import { PolicyEngine } from '../../engine/policy-engine';
import { scanAssembly } from '../../scan/scan-assembly';
import { synthesizeApp } from '../../sources/assembly/synth-app';
import type { CliContext } from '../context';
import { addParameterOptions, parametersFrom, type ParameterOptions } from '../parameter-options';
import { addReportOptions, deliverReport, planReport, type ReportOptions } from '../report-options';

type ScanCdkOptions = ReportOptions & ParameterOptions;

export function registerScanCdk(scan: Command, context: CliContext): void {
  addParameterOptions(
    addReportOptions(
      scan
        .command('cdk')
        .description(
          'synthesize the CDK app in this folder (its cdk.json; offline, no credentials) and scan the cloud assembly',
        ),
    ),
  ).action(async (options: ScanCdkOptions) => {
    const plan = planReport(options);
    const parameters = parametersFrom(options);
    const engine = await PolicyEngine.load();
    const dir = path.relative(process.cwd(), synthesizeApp({ cwd: process.cwd() })) || '.';
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
