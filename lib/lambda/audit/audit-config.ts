import { configFromValue, type LexguardConfig } from '../../../scanner/config/load-config';
import { AUDIT_ENV, configValueFromEnv } from './environment';

/** The scan configuration the stack gave the functions (the store's approved values), validated. */
export function loadAuditConfig(env: NodeJS.ProcessEnv = process.env): LexguardConfig {
  return configFromValue(configValueFromEnv(env), `the environment variable ${AUDIT_ENV.config}`);
}
