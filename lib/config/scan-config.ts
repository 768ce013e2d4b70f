import type { ConfigFile } from '../../scanner/config/config-file';
import { DEFAULT_REMEDIATION_DEADLINES, DEFAULT_RULE_CONFIG } from '../../scanner/config/defaults';
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

/**
 * The same approved values as a lexguard configuration file (`lexguard.config.yaml`'s shape): what the
 * scheduled audit scan's functions are given, so that they judge the live estate as synth judges the
 * templates. Deadlines are the policy's (CP-14).
 */
export function scanConfigFile(config: StoreConfig): ConfigFile {
  const rules = ruleConfigFor(config);
  const deadlines = DEFAULT_REMEDIATION_DEADLINES;
  return {
    approved_regions: rules.approved_regions,
    retention: {
      documents_days: rules.document_retention_days,
      audit_logs_days: rules.audit_log_retention_days,
    },
    credential_max_age_days: rules.credential_max_age_days,
    classification: {
      tag: rules.classification_tag,
      allowed: rules.allowed_classifications,
      sensitive: rules.sensitive_classifications,
    },
    required_tags: rules.required_tags,
    break_glass_roles: rules.break_glass_roles,
    kms_min_deletion_window_days: rules.kms_min_deletion_window_days,
    password_policy: rules.password_policy,
    remediation_deadlines_days: {
      critical: deadlines.CRITICAL,
      high: deadlines.HIGH,
      medium: deadlines.MEDIUM,
      low: deadlines.LOW,
    },
  };
}
