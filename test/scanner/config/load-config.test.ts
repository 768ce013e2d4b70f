import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG, loadConfig } from '../../../scanner/config/load-config';
import { lexguardErrorOf } from '../../_helpers/errors';

function configDir(text?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-config-'));
  if (text !== undefined) writeFileSync(path.join(dir, 'lexguard.config.yaml'), text);
  return dir;
}

describe('loadConfig', () => {
  it('uses the policy defaults when there is no configuration file', () => {
    const config = loadConfig(undefined, configDir());
    expect(config).toBe(DEFAULT_CONFIG);
    expect(config.rules.approved_regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(config.remediationDeadlines).toEqual({ CRITICAL: 7, HIGH: 30, MEDIUM: 90, LOW: 180 });
  });

  it('reads lexguard.config.yaml from the working directory, keeping defaults for what it leaves out', () => {
    const dir = configDir(
      'approved_regions: [eu-west-2]\nretention:\n  documents_days: 3650\nrules:\n  skip: [LG-S3-003]\n',
    );
    const config = loadConfig(undefined, dir);
    expect(config.file).toBe(path.join(dir, 'lexguard.config.yaml'));
    expect(config.rules.approved_regions).toEqual(['eu-west-2']);
    expect(config.rules.document_retention_days).toBe(3650);
    expect(config.rules.audit_log_retention_days).toBe(2555);
    expect(config.skipRules).toEqual(['LG-S3-003']);
  });

  it.each([
    [
      'an unknown key',
      'approved_regions: [eu-west-1]\nretension: 3\n',
      'retension is not a configuration key',
      2,
    ],
    [
      'a misspelt nested key',
      'retention:\n  document_days: 3\n',
      'retention.document_days is not a configuration key',
      2,
    ],
    [
      'a bad region',
      'approved_regions:\n  - eu-west-1\n  - Europe\n',
      'approved_regions[1] must match pattern',
      3,
    ],
    ['a negative number', 'credential_max_age_days: -5\n', 'credential_max_age_days must be >= 1', 1],
    [
      'a string for a number',
      'password_policy:\n  minimum_length: long\n',
      'password_policy.minimum_length must be number',
      2,
    ],
    ['an unknown rule id', 'rules:\n  skip: [s3-encryption]\n', 'rules.skip[0] must match pattern', 2],
    ['broken YAML', 'approved_regions: [eu-west-1\n', 'invalid YAML', 2],
  ])('refuses %s, naming the key and line', (_name, text, message, line) => {
    const dir = configDir(text);
    const error = lexguardErrorOf(() => loadConfig(undefined, dir));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(message);
    expect(error.position).toMatchObject({ file: path.join(dir, 'lexguard.config.yaml'), line });
    expect(error.position?.column).toEqual(expect.any(Number));
  });

  it('refuses a named configuration file that does not exist', () => {
    const error = lexguardErrorOf(() => loadConfig(path.join(configDir(), 'missing.yaml')));
    expect(error.code).toBe('INPUT_UNREADABLE');
  });
});
