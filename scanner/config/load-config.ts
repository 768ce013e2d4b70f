import type { ErrorObject } from 'ajv';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { LexguardError } from '../errors';
import type { Severity } from '../findings/severity';
import type { RuleConfig } from '../model/rule-config';
import { readTextFile } from '../sources/read-text-file';
import { projectRoot } from '../util/project-root';
import type { ConfigFile } from './config-file';
import { DEFAULT_REMEDIATION_DEADLINES, DEFAULT_RULE_CONFIG } from './defaults';
import { describeSchemaError, schemaErrorPath, schemaValidator } from './schema-validator';

/** The configuration a scan runs with: the rules' approved values, deadlines and the rules to skip. */
export interface LexguardConfig {
  rules: RuleConfig;
  remediationDeadlines: Record<Severity, number>;
  skipRules: string[];
  /** The file it was read from; absent when only defaults apply. */
  file?: string;
}

export const DEFAULT_CONFIG_FILE = 'lexguard.config.yaml';

export const DEFAULT_CONFIG: LexguardConfig = {
  rules: DEFAULT_RULE_CONFIG,
  remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
  skipRules: [],
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
  const text = readTextFile(chosen);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    throw new LexguardError('CONFIG_INVALID', `invalid YAML: ${syntax.message.split('\n')[0]}`, {
      position: { file: chosen, line: lineCounter.linePos(syntax.pos[0]).line },
    });
  }
  const raw: unknown = document.toJS() ?? {};
  const validate = schemaValidator(path.join(projectRoot(), 'scanner', 'config', 'config.schema.json'));
  if (!validate(raw)) {
    const error = (validate.errors ?? [])[0];
    throw new LexguardError('CONFIG_INVALID', describeSchemaError(error), {
      position: { file: chosen, line: lineOf(document, lineCounter, error) },
    });
  }
  return { ...fromFile(raw as ConfigFile), file: chosen };
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
  };
}

function lineOf(
  document: Document.Parsed,
  lineCounter: LineCounter,
  error: ErrorObject | undefined,
): number | undefined {
  if (!error) return undefined;
  const parts = schemaErrorPath(error);
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0];
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof part === 'number') {
      node = (node as { items: unknown[] }).items[part];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
