/** lexguard for CDK apps: the validation plugin that fails `cdk synth`, and suppressions from code. */
export {
  LexguardValidationPlugin,
  PLUGIN_NAME,
  INPUT_RULE,
  type LexguardValidationPluginProps,
} from './lexguard-plugin';
export { suppress } from './suppress';
export type { SuppressionTerms } from '../suppressions/suppressions-file';
