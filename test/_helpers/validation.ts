import type { App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Every acknowledged validation rule of the app, with its reason, as `[rule, reason]`. */
export function acknowledgementsIn(app: App): Array<[string, string]> {
  return app.node
    .findAll()
    .flatMap((construct) => construct.node.metadata)
    .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
}

/** The validation plugins' unacknowledged findings of the last synth into `outdir`, as `plugin: rule`. */
export function violationsIn(outdir: string): string[] {
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: Array<{ pluginName: string; violations?: Array<{ ruleName: string }> }>;
  };
  return report.pluginReports.flatMap((plugin) =>
    (plugin.violations ?? []).map((violation) => `${plugin.pluginName}: ${violation.ruleName}`),
  );
}
