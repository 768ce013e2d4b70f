/**
 * The approved values the rules read (`input.config`), taken from the user's configuration file with the
 * defaults of the firm's confidentiality policy. Durations are in days so that rules never need time
 * arithmetic (the Wasm runtime has no `time.*` builtins).
 */
export interface RuleConfig {
  approved_regions: string[];
  /** Retention of client documents. */
  document_retention_days: number;
  /** Retention of audit logs (trail logs, log groups). */
  audit_log_retention_days: number;
  /** Longest a credential may go unused, and the oldest an active access key may be. */
  credential_max_age_days: number;
  allowed_classifications: string[];
  /** Classifications that call for Object Lock, backups and data events (`confidential`, `privileged`). */
  sensitive_classifications: string[];
  /** Tag keys every data store must carry. */
  required_tags: string[];
  /** Tag key that holds the classification. */
  classification_tag: string;
  /** Role names (exact) exempt from the no-admin rule: the break-glass roles. */
  break_glass_roles: string[];
  /** Smallest accepted KMS key deletion window. */
  kms_min_deletion_window_days: number;
  password_policy: {
    minimum_length: number;
    reuse_prevention: number;
  };
}
