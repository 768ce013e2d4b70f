import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import { LexguardValidationPlugin } from '../../scanner/cdk';
import { DEFAULT_CONFIG } from '../../scanner/config/load-config';
import type { RuleConfig } from '../../scanner/model/rule-config';
import { addDataStoreGuardrails } from './data-store-guardrails';

/**
 * Everything that checks the app on every synth: the data-store guardrails, lexguard's own rules, and
 * cdk-nag's AwsSolutions, HIPAA Security and NIST 800-53 rev. 5 packs. lexguard and the guardrails judge
 * by the approved values the store was built with.
 */
export function addGuardrails(app: App, rules: RuleConfig): void {
  addDataStoreGuardrails(app, rules);
  addValidationPlugins(app, rules);
}

/** The validation plugins: an unacknowledged finding of any of them fails the synth. */
export function addValidationPlugins(app: App, rules: RuleConfig): void {
  Validations.of(app).addPlugins(
    new LexguardValidationPlugin({ config: { ...DEFAULT_CONFIG, rules } }),
    new AwsSolutionsChecks(app),
    new HIPAASecurityChecks(app),
    new NIST80053R5Checks(app),
  );
}
