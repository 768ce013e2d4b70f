import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPolicyBundle } from '../../scanner/engine/policy-bundle';

/**
 * The three encryption rules the shared fixtures (`templates/bad.yaml`, `cdk-assembly`, `corpus`) were
 * written for, before the rest of the catalog. Tests of the machinery around the rules (suppressions,
 * baselines, reports, assemblies, parameters) look at these rules only, so that adding a rule to the
 * catalog never changes them; every rule has its own templates in `test/_fixtures/rules`.
 */
export const ENCRYPTION_RULES = ['LG-KMS-001', 'LG-S3-001', 'LG-S3-003'];

/**
 * The ids of the compiled bundle's rules of some areas (`S3`, `KMS`, …): the storage templates
 * (`templates/good.json`, `unknown-only.yaml`) meet the storage controls, not the account's (trails,
 * alarms, IAM, backups), which have their own templates.
 */
export function rulesOfAreas(...areas: string[]): string[] {
  return readPolicyBundle()
    .manifest.rules.map((rule) => rule.id)
    .filter((id) => areas.some((area) => id.startsWith(`LG-${area}-`)));
}

const written = new Map<string, string>();

/** A configuration file (`--config`) that skips every rule of the compiled bundle but `ids`. */
export function onlyRulesConfig(ids: readonly string[] = ENCRYPTION_RULES): string {
  const key = [...ids].sort().join(',');
  let file = written.get(key);
  if (!file) {
    const others = readPolicyBundle()
      .manifest.rules.map((rule) => rule.id)
      .filter((id) => !ids.includes(id));
    file = path.join(mkdtempSync(path.join(tmpdir(), 'lexguard-rules-')), 'lexguard.config.yaml');
    writeFileSync(file, `rules:\n  skip: [${others.join(', ')}]\n`);
    written.set(key, file);
  }
  return file;
}
