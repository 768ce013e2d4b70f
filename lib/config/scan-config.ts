import { DEFAULT_RULE_CONFIG } from '../../scanner/config/defaults';
import type { RuleConfig } from '../../scanner/model/rule-config';
import type { StoreConfig } from './store-config';

/**
 * The approved values lexguard's rules judge the store by, taken from the store's own configuration, so
 * that a scan of its templates holds it to the regions, retention periods and break-glass role it was
 * built with.
 */
export function ruleConfigFor(config: StoreConfig): RuleConfig {
  return {
    ...DEFAULT_RULE_CONFIG,
    approved_regions: config.approvedRegions,
    document_retention_days: config.retention.documentsDays,
    audit_log_retention_days: config.retention.auditLogsDays,
    sensitive_classifications: config.sensitiveClassifications,
    classification_tag: config.classificationTag,
    break_glass_roles: [config.breakGlassRoleName],
    password_policy: {
      minimum_length: config.passwordPolicy.minimumLength,
      reuse_prevention: config.passwordPolicy.reusePrevention,
    },
  };
}
