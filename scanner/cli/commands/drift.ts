import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import type * as DriftModule from '../../drift/drift-stack';
import type { StackDrift } from '../../drift/drift-stack';
import { EXIT } from '../../findings/exit-code';
import type { CliContext } from '../context';
import { loadLiveScanner, quietNodeVersionNotice } from './scan-live';

interface DriftCommandOptions {
  region?: string;
  format: 'table' | 'json';
  config?: string;
}

export function registerDrift(program: Command, context: CliContext): void {
  program
    .command('drift')
    .description("compare a deployed stack's template with its live resources, property by property")
    .argument('<stack>', 'the CloudFormation stack name')
    .option('-r, --region <region>', "the stack's region (default: the configured region)")
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .option('-c, --config <file>', 'configuration file (default: ./lexguard.config.yaml when present)')
    .action(async (stack: string, options: DriftCommandOptions) => {
      quietNodeVersionNotice();
      const config = loadConfig(options.config);
      const { defaultRegion } = loadLiveScanner();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the AWS SDK, loaded on first use
      const { driftOfStack } = require('../../drift/drift-stack') as typeof DriftModule;
      const drift = await driftOfStack({
        stackName: stack,
        region: options.region ?? (await defaultRegion()),
        config: config.rules,
      });
      context.sink.stdout(
        options.format === 'json' ? `${JSON.stringify(drift, null, 2)}\n` : renderDrift(drift),
      );
      const drifted = drift.resources.some((resource) => resource.differences.length > 0 || resource.missing);
      context.setExitCode(drifted ? EXIT.FINDINGS : EXIT.OK);
    });
}

/** One block per resource that drifted or is missing, then a count. */
export function renderDrift(drift: StackDrift): string {
  const lines = [`lexguard drift · stack ${drift.stack} · ${drift.account} ${drift.region}`, ''];
  let differences = 0;
  for (const resource of drift.resources) {
    if (resource.missing) {
      lines.push(`  MISSING  ${resource.logical_id} (${resource.resource_type}): ${resource.missing}`);
      continue;
    }
    if (resource.differences.length === 0) continue;
    lines.push(`  DRIFTED  ${resource.logical_id} (${resource.resource_type}) ${resource.live_id ?? ''}`);
    for (const difference of resource.differences) {
      differences++;
      lines.push(
        `           ${difference.property}: template ${JSON.stringify(difference.template)}, live ${JSON.stringify(difference.live)}`,
      );
    }
  }
  const compared = drift.resources.reduce((sum, resource) => sum + resource.compared, 0);
  const skipped = Object.entries(drift.not_modelled).map(([type, count]) => `${count} ${type}`);
  lines.push(
    '',
    `${differences} difference(s) in ${compared} compared properties of ${drift.resources.length} resource(s)` +
      (skipped.length > 0 ? `; not compared: ${skipped.join(', ')}` : ''),
    '',
  );
  return lines.join('\n');
}
