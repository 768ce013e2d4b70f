import type { IPolicyValidationContext } from 'aws-cdk-lib';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../findings/finding';
import { withoutRepeatedScopeFindings } from '../findings/repeated-findings';
import type { InputProblem } from '../findings/scan-report';
import { scanAssembly } from '../scan/scan-assembly';
import type { TemplateSourceScanOptions } from '../scan/scan-start';
import { scanTemplates } from '../scan/scan-templates';

export interface AppScan {
  errors: InputProblem[];
  findings: Finding[];
  /** The template a finding about the scan as a whole is shown against (CDK prints only what names one). */
  scopeTemplate: string | undefined;
}

/**
 * Scans the templates CDK hands a validation plugin.
 *
 * When they all lie in the cloud assembly CDK has just written (its manifest is there by the time plugins
 * run), the app is scanned as that assembly: one model, each stack judged in the account and region CDK
 * deploys it to, and account-wide controls (a trail, its alarms, the password policy) seen wherever in
 * the app they are made, as `lexguard scan assembly cdk.out` sees them. Otherwise each group of templates
 * sharing an environment is scanned on its own.
 */
export function scanApp(context: IPolicyValidationContext, options: TemplateSourceScanOptions): AppScan {
  const scopeTemplate = context.templatePaths[0];
  const dir = assemblyDir(context.templatePaths);
  if (dir !== undefined) {
    const report = scanAssembly({ ...options, dir });
    return { errors: report.errors, findings: report.findings, scopeTemplate };
  }
  const reports = templatesByEnvironment(context).map(({ paths, environment }) =>
    scanTemplates({ ...options, paths, parameters: { ...environment, ...options.parameters } }),
  );
  return {
    errors: reports.flatMap((one) => one.errors),
    // Each group judges the attested controls alike: one finding each is enough.
    findings: withoutRepeatedScopeFindings(reports.flatMap((one) => one.findings)),
    scopeTemplate,
  };
}

/** The cloud assembly folder holding every template, when there is one. */
function assemblyDir(templatePaths: readonly string[]): string | undefined {
  const dirs = new Set(templatePaths.map((templatePath) => path.dirname(templatePath)));
  if (dirs.size !== 1) return undefined;
  const [dir] = dirs;
  return dir !== undefined && existsSync(path.join(dir, 'manifest.json')) ? dir : undefined;
}

/**
 * The templates grouped by the account and region CDK knows each stack is deployed in, as the pseudo
 * parameters that say so; templates of environment-agnostic stacks form one group with none.
 */
function templatesByEnvironment(
  context: IPolicyValidationContext,
): Array<{ paths: string[]; environment: Record<string, string> }> {
  const stacks = context.stackTemplates ?? context.templatePaths.map((templatePath) => ({ templatePath }));
  const groups = new Map<string, { paths: string[]; environment: Record<string, string> }>();
  for (const stack of stacks) {
    const environment: Record<string, string> = {
      ...('region' in stack && stack.region ? { 'AWS::Region': stack.region } : {}),
      ...('accountId' in stack && stack.accountId ? { 'AWS::AccountId': stack.accountId } : {}),
    };
    const key = JSON.stringify(environment);
    const group = groups.get(key) ?? { paths: [], environment };
    group.paths.push(stack.templatePath);
    groups.set(key, group);
  }
  return [...groups.values()];
}
