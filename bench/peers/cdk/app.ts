/**
 * The document store as a CDK app for the synth benchmark: the same stacks, with the validation plugins
 * LEXGUARD_BENCH_PLUGINS names (comma-separated: `lexguard`, `cdk-nag`; none when empty), so that each
 * plugin's cost is the difference between two synths of the same app.
 */
import { Validations, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import path from 'node:path';
import type * as LexguardCdk from '../../../scanner/cdk';
import type * as LoadConfig from '../../../scanner/config/load-config';
import { buildStore } from './store';

/** cdk-nag's packs, installed by the benchmark into bench/.peers/npm (pinned there, not a project dependency). */
type NagPack = new (scope?: IConstruct) => IPolicyValidationPlugin;
interface CdkNag {
  AwsSolutionsChecks: NagPack;
  HIPAASecurityChecks: NagPack;
  NIST80053R5Checks: NagPack;
}

const plugins = new Set((process.env.LEXGUARD_BENCH_PLUGINS ?? '').split(',').filter(Boolean));
const { app, rules } = buildStore();
if (plugins.has('lexguard')) {
  // Loaded only when asked for, so that the plugin-less synth does not pay for loading lexguard.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LexguardValidationPlugin } = require('../../../scanner/cdk') as typeof LexguardCdk;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFAULT_CONFIG } = require('../../../scanner/config/load-config') as typeof LoadConfig;
  // As the store's app registers it (lib/aspects/guardrails.ts), with the attestations its synth reads from
  // the repository's root (this app runs in its own folder).
  const attestationsFile = path.join(__dirname, '..', '..', '..', 'lexguard.attestations.yaml');
  Validations.of(app).addPlugins(
    new LexguardValidationPlugin({ config: { ...DEFAULT_CONFIG, rules }, attestationsFile }),
  );
}
if (plugins.has('cdk-nag')) {
  const nagDir = path.join(__dirname, '..', '..', '.peers', 'npm', 'node_modules', 'cdk-nag');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nag = require(nagDir) as CdkNag;
  // The three packs the document store registers.
  Validations.of(app).addPlugins(
    new nag.AwsSolutionsChecks(app),
    new nag.HIPAASecurityChecks(app),
    new nag.NIST80053R5Checks(app),
  );
}
app.synth();
