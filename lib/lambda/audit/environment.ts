import type { ConfigFile } from '../../../scanner/config/config-file';
import { LexguardError } from '../../../scanner/errors';

/**
 * The environment variables the audit stack gives its functions, named once here so that the stack that
 * sets them and the handlers that read them cannot disagree. Nothing here loads the AWS SDK: the CDK app
 * imports this file.
 */
export const AUDIT_ENV = {
  /** The reports bucket: run files, the scan history and the reports. */
  bucket: 'LEXGUARD_REPORTS_BUCKET',
  /** The KMS key (ARN) every object written to the reports bucket is encrypted with (SSE-KMS). */
  reportsKey: 'LEXGUARD_REPORTS_KEY',
  /** JSON: `{"organization": true}` or `{"accounts": ["111122223333", …]}`. */
  targets: 'LEXGUARD_TARGETS',
  /** Comma-separated regions scanned in every account. */
  regions: 'LEXGUARD_REGIONS',
  /** Name of the read-only role in each target account. */
  scannerRole: 'LEXGUARD_SCANNER_ROLE',
  /** The AWS partition (`aws`, `aws-cn`, …), for role ARNs. */
  partition: 'LEXGUARD_PARTITION',
  /** JSON in the shape of `lexguard.config.yaml` (`ConfigFile`): approved values, deadlines. */
  config: 'LEXGUARD_CONFIG',
  /** The SNS topic notified of new critical findings and of parts of the estate not read. */
  topic: 'LEXGUARD_TOPIC_ARN',
} as const;

export type AuditEnvName = keyof typeof AUDIT_ENV;

/** Which accounts a scheduled scan reads: the organization's, listed at run time, or a fixed list. */
export type TargetSelection = { organization: true } | { accounts: string[] };

/** A variable's value; a missing one is a deployment fault, named. */
export function requireEnv(name: AuditEnvName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[AUDIT_ENV[name]];
  if (!value) {
    throw new LexguardError('CONFIG_INVALID', `the environment variable ${AUDIT_ENV[name]} is not set`);
  }
  return value;
}

export function targetSelectionFromEnv(env: NodeJS.ProcessEnv = process.env): TargetSelection {
  const value = parseJson(requireEnv('targets', env), AUDIT_ENV.targets);
  if (typeof value === 'object' && value !== null) {
    if ((value as { organization?: unknown }).organization === true) return { organization: true };
    const accounts = (value as { accounts?: unknown }).accounts;
    if (Array.isArray(accounts) && accounts.every((id) => typeof id === 'string' && /^\d{12}$/.test(id))) {
      return { accounts: accounts as string[] };
    }
  }
  throw new LexguardError(
    'CONFIG_INVALID',
    `${AUDIT_ENV.targets} must be {"organization": true} or {"accounts": ["<12 digits>", …]}`,
  );
}

export function regionsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return requireEnv('regions', env)
    .split(',')
    .map((region) => region.trim())
    .filter(Boolean);
}

/** The configuration as the stack wrote it; validated against the configuration file's schema by the reader. */
export function configValueFromEnv(env: NodeJS.ProcessEnv = process.env): ConfigFile {
  return parseJson(requireEnv('config', env), AUDIT_ENV.config) as ConfigFile;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new LexguardError('CONFIG_INVALID', `${name} is not JSON`);
  }
}
