import { existsSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../errors';
import type { Severity } from '../findings/severity';
import type { RuleConfig } from '../model/rule-config';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../sources/input-limits';
import type { ConfigFile } from './config-file';
import { DEFAULT_REMEDIATION_DEADLINES, DEFAULT_RULE_CONFIG } from './defaults';
import { readValidatedYaml } from './read-yaml-file';
import { checkAgainstSchema } from '../util/schema-validation';

/** The configuration a scan runs with: the rules' approved values, deadlines and the rules to skip. */
export interface LexguardConfig {
  rules: RuleConfig;
  remediationDeadlines: Record<Severity, number>;
  skipRules: string[];
  limits: InputLimits;
  /** The file it was read from; absent when only defaults apply. */
  file?: string;
}

export const DEFAULT_CONFIG_FILE = 'lexguard.config.yaml';
const CONFIG_SCHEMA_FILE = 'scanner/config/config.schema.json';

export const DEFAULT_CONFIG: LexguardConfig = {
  rules: DEFAULT_RULE_CONFIG,
  remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
  skipRules: [],
  limits: DEFAULT_INPUT_LIMITS,
};

/**
 * Reads and validates the configuration: `file` when given (it must exist), else `lexguard.config.yaml`
 * in `cwd` when there is one, else the policy's defaults. A bad file is refused before any scan runs, with
 * the key at fault and its line.
 */
export function loadConfig(file?: string, cwd = process.cwd()): LexguardConfig {
  const chosen =
    file ??
    (existsSync(path.join(cwd, DEFAULT_CONFIG_FILE)) ? path.join(cwd, DEFAULT_CONFIG_FILE) : undefined);
  if (!chosen) return DEFAULT_CONFIG;
  const { value } = readValidatedYaml<ConfigFile>(chosen, CONFIG_SCHEMA_FILE, 'configuration');
  return { ...fromFile(value), file: chosen };
}

/**
 * A configuration given as a value in the configuration file's shape rather than as a file (a scheduled
 * scan's Lambda reads it from its environment), validated against the same schema. `source` names where
 * it came from in the message of a bad value.
 */
export function configFromValue(value: unknown, source: string): LexguardConfig {
  const problem = checkAgainstSchema(value, CONFIG_SCHEMA_FILE, 'configuration');
  if (problem) throw new LexguardError('CONFIG_INVALID', `${source}: ${problem.message}`);
  return fromFile(value as ConfigFile);
}

function fromFile(file: ConfigFile): Omit<LexguardConfig, 'file'> {
  const rules = DEFAULT_RULE_CONFIG;
  const deadlines = file.remediation_deadlines_days ?? {};
  return {
    rules: {
      ...rules,
      approved_regions: file.approved_regions ?? rules.approved_regions,
      document_retention_days: file.retention?.documents_days ?? rules.document_retention_days,
      audit_log_retention_days: file.retention?.audit_logs_days ?? rules.audit_log_retention_days,
      credential_max_age_days: file.credential_max_age_days ?? rules.credential_max_age_days,
      classification_tag: file.classification?.tag ?? rules.classification_tag,
      allowed_classifications: file.classification?.allowed ?? rules.allowed_classifications,
      sensitive_classifications: file.classification?.sensitive ?? rules.sensitive_classifications,
      required_tags: file.required_tags ?? rules.required_tags,
      break_glass_roles: file.break_glass_roles ?? rules.break_glass_roles,
      kms_min_deletion_window_days: file.kms_min_deletion_window_days ?? rules.kms_min_deletion_window_days,
      password_policy: { ...rules.password_policy, ...file.password_policy },
    },
    remediationDeadlines: {
      CRITICAL: deadlines.critical ?? DEFAULT_REMEDIATION_DEADLINES.CRITICAL,
      HIGH: deadlines.high ?? DEFAULT_REMEDIATION_DEADLINES.HIGH,
      MEDIUM: deadlines.medium ?? DEFAULT_REMEDIATION_DEADLINES.MEDIUM,
      LOW: deadlines.low ?? DEFAULT_REMEDIATION_DEADLINES.LOW,
    },
    skipRules: file.rules?.skip ?? [],
    limits: {
      maxFileBytes: file.limits?.max_file_bytes ?? DEFAULT_INPUT_LIMITS.maxFileBytes,
      maxNestingDepth: file.limits?.max_nesting_depth ?? DEFAULT_INPUT_LIMITS.maxNestingDepth,
      maxAliasExpansion: file.limits?.max_alias_expansion ?? DEFAULT_INPUT_LIMITS.maxAliasExpansion,
      maxScenarios: file.limits?.max_scenarios ?? DEFAULT_INPUT_LIMITS.maxScenarios,
      maxResolvedChars: file.limits?.max_resolved_chars ?? DEFAULT_INPUT_LIMITS.maxResolvedChars,
    },
  };
}
