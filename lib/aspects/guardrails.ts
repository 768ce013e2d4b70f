import { AspectPriority, Aspects, type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import type { RuleConfig } from '../../scanner/model/rule-config';
import { DataStoreGuardrails } from './data-store-guardrails';

/**
 * Everything that checks the app on every synth: cdk-nag's AwsSolutions, HIPAA Security and NIST 800-53
 * rev. 5 packs (validation plugins: an unacknowledged finding fails the synth), and the data-store
 * guardrails, judged by the same approved values as lexguard's rules.
 */
export function addGuardrails(app: App, rules: RuleConfig): void {
  Aspects.of(app).add(
    new DataStoreGuardrails({
      requiredTags: rules.required_tags,
      classificationTag: rules.classification_tag,
      allowedClassifications: rules.allowed_classifications,
    }),
    { priority: AspectPriority.READONLY },
  );
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new HIPAASecurityChecks(app),
    new NIST80053R5Checks(app),
  );
}
