/**
 * The configuration file (`lexguard.config.yaml`) as users write it. Every key is optional; what is left
 * out takes the default of the firm's confidentiality policy. Its JSON Schema, `config.schema.json`, is
 * generated from this type (`npm run generate`) and validates every file before a scan runs.
 */
export interface ConfigFile {
  /**
   * Regions where client data may be stored (CP-12).
   * @minItems 1
   */
  approved_regions?: RegionName[];
  retention?: {
    /** Days client documents are kept (CP-11). */
    documents_days?: Days;
    /** Days audit logs are kept (CP-08, CP-11). */
    audit_logs_days?: Days;
  };
  /** Longest a password or access key may go unused, and the oldest an active key may be (CP-06). */
  credential_max_age_days?: Days;
  classification?: {
    /** Tag key holding a data store's classification (CP-13). */
    tag?: string;
    /** Classifications a store may carry. */
    allowed?: string[];
    /** Classifications that call for Object Lock, backups and data events. */
    sensitive?: string[];
  };
  /** Tag keys every data store must carry (CP-13). */
  required_tags?: string[];
  /** Names of the break-glass roles, the only ones allowed full administrator access (CP-04). */
  break_glass_roles?: string[];
  /** Shortest accepted KMS key deletion window in days (CP-03). */
  kms_min_deletion_window_days?: Days;
  password_policy?: {
    /** @minimum 8 */
    minimum_length?: number;
    /** @minimum 0 */
    reuse_prevention?: number;
  };
  /** Days a finding of each severity may stay open before it is overdue (CP-14). */
  remediation_deadlines_days?: {
    critical?: Days;
    high?: Days;
    medium?: Days;
    low?: Days;
  };
  rules?: {
    /** Rule ids not to run, e.g. rules a scope cannot meet by design. */
    skip?: RuleId[];
  };
  /** Bounds that keep a hostile or mistaken input from exhausting time or memory. */
  limits?: {
    /** Largest template file read, in bytes (default 52428800, 50 MiB). */
    max_file_bytes?: Count;
    /** Deepest nesting of mappings and lists in a template (default 100). */
    max_nesting_depth?: Count;
    /** Values YAML aliases may add to a document when expanded (default 100000). */
    max_alias_expansion?: Count;
    /** Scenarios of undecidable conditions judged per template or assembly (default 16). */
    max_scenarios?: Count;
    /** Characters the resolved values of one template may hold in all (default 67108864, 64 Mi). */
    max_resolved_chars?: Count;
  };
}

/**
 * A whole number, at least 1.
 * @minimum 1
 * @asType integer
 */
export type Count = number;

/**
 * A whole number of days.
 * @minimum 1
 * @asType integer
 */
export type Days = number;

/**
 * An AWS region name such as eu-west-1.
 * @pattern ^[a-z]{2}(-[a-z]+)+-[0-9]$
 */
export type RegionName = string;

/**
 * A lexguard rule id such as LG-S3-001.
 * @pattern ^LG-[A-Z0-9]+-[0-9]{3}$
 */
export type RuleId = string;
