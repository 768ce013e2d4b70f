import type { Severity } from '../findings/severity';
import type { RuleConfig } from '../model/rule-config';

/** The approved values of the firm's confidentiality policy (`shared/mission/confidentiality-policy.md`). */
export const DEFAULT_RULE_CONFIG: RuleConfig = {
  approved_regions: ['eu-west-1', 'eu-central-1'],
  document_retention_days: 7 * 365,
  audit_log_retention_days: 7 * 365,
  credential_max_age_days: 90,
  allowed_classifications: ['public', 'internal', 'confidential', 'privileged'],
  sensitive_classifications: ['confidential', 'privileged'],
  required_tags: ['data-classification', 'owner'],
  classification_tag: 'data-classification',
  break_glass_roles: ['BreakGlass'],
  kms_min_deletion_window_days: 30,
  password_policy: { minimum_length: 14, reuse_prevention: 24 },
};

/** Days a finding of each severity may stay open before it is overdue (CP-14). */
export const DEFAULT_REMEDIATION_DEADLINES: Record<Severity, number> = {
  CRITICAL: 7,
  HIGH: 30,
  MEDIUM: 90,
  LOW: 180,
};
