import type AjvClass from 'ajv';
import type { ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { LexguardError } from '../errors';
import type { Severity } from '../findings/severity';
import type { RuleConfig } from '../model/rule-config';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../sources/input-limits';
import { readTextFile } from '../sources/read-text-file';
import { projectRoot } from '../util/project-root';
import type { ConfigFile } from './config-file';
import { DEFAULT_REMEDIATION_DEADLINES, DEFAULT_RULE_CONFIG } from './defaults';

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
  const text = readTextFile(chosen);
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    throw new LexguardError('CONFIG_INVALID', `invalid YAML: ${syntax.message.split('\n')[0]}`, {
      position: { file: chosen, line: lineCounter.linePos(syntax.pos[0]).line },
    });
  }
  const raw: unknown = document.toJS() ?? {};
  const validate = validator();
  if (!validate(raw)) {
    const error = (validate.errors ?? [])[0];
    throw new LexguardError('CONFIG_INVALID', describe(error), {
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
    limits: {
      maxFileBytes: file.limits?.max_file_bytes ?? DEFAULT_INPUT_LIMITS.maxFileBytes,
      maxNestingDepth: file.limits?.max_nesting_depth ?? DEFAULT_INPUT_LIMITS.maxNestingDepth,
      maxAliasExpansion: file.limits?.max_alias_expansion ?? DEFAULT_INPUT_LIMITS.maxAliasExpansion,
      maxScenarios: file.limits?.max_scenarios ?? DEFAULT_INPUT_LIMITS.maxScenarios,
    },
  };
}

/*
 * ajv and yaml are loaded when a configuration file is read, not when the CLI starts: together they take
 * about 110 ms to load, a third of the start-up budget of a template scan.
 */
function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  return require('yaml') as typeof Yaml;
}

let compiled: ReturnType<AjvClass['compile']> | undefined;

function validator(): ReturnType<AjvClass['compile']> {
  if (compiled) return compiled;
  const schemaFile = path.join(projectRoot(), 'scanner', 'config', 'config.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  const { default: Ajv } = require('ajv') as { default: typeof AjvClass };
  compiled = new Ajv({ allErrors: false, strict: false }).compile(schema);
  return compiled;
}

/** `approved_regions[1] must match pattern …` rather than ajv's `/approved_regions/1`. */
function describe(error: ErrorObject | undefined): string {
  if (!error) return 'the configuration is invalid';
  const key = keyPath(error);
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${key ? `${key}.` : ''}${extra} is not a configuration key`;
  }
  return `${key || 'the configuration'} ${error.message ?? 'is invalid'}`;
}

function segments(error: ErrorObject): string[] {
  return error.instancePath.split('/').slice(1);
}

function keyPath(error: ErrorObject): string {
  return segments(error).reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

function lineOf(
  document: Document.Parsed,
  lineCounter: LineCounter,
  error: ErrorObject | undefined,
): number | undefined {
  if (!error) return undefined;
  const parts: Array<string | number> = segments(error).map((part) =>
    /^\d+$/.test(part) ? Number(part) : part,
  );
  if (error.keyword === 'additionalProperties')
    parts.push((error.params as { additionalProperty: string }).additionalProperty);
  const { isMap, isScalar } = yamlLibrary();
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
