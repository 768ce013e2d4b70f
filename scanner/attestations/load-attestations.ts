import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { invalidAt, readValidatedYaml } from '../config/read-yaml-file';
import { isCalendarDate } from '../suppressions/suppression';
import type { AttestationEntry, AttestationsFile } from './attestations-file';

export const DEFAULT_ATTESTATIONS_FILE = 'lexguard.attestations.yaml';
const SCHEMA_FILE = 'scanner/attestations/attestations.schema.json';

/** The attestations a scan was given, by attested control id. */
export type Attestations = Record<string, AttestationEntry>;

/** The ids of the catalog's attested controls, the keys an attestations file may use. */
export function attestedControlIds(catalog: Pick<Catalog, 'clauses'>): string[] {
  return catalog.clauses.flatMap((clause) => (clause.attested_controls ?? []).map((control) => control.id));
}

/**
 * Reads the attestations file: `file` when given (it must exist), else `lexguard.attestations.yaml` in
 * `cwd` when there is one, else none (every attested control is then UNKNOWN). A file that breaks the
 * schema, names a control the catalog does not have (`known`), or has a date that does not exist or an
 * expiry before its date is refused with CONFIG_INVALID naming the file, line and column, before anything
 * is scanned.
 */
export function loadAttestationsFile(
  known: readonly string[],
  file?: string,
  cwd = process.cwd(),
): Attestations {
  const fallback = path.join(cwd, DEFAULT_ATTESTATIONS_FILE);
  const chosen = file ?? (existsSync(fallback) ? fallback : undefined);
  if (!chosen) return {};
  const { value, positions } = readValidatedYaml<AttestationsFile>(chosen, SCHEMA_FILE, 'attestations file');
  for (const [control, entry] of Object.entries(value.attestations)) {
    const at = ['attestations', control];
    const refuse = (message: string, key?: string): never => {
      throw invalidAt(chosen, positions, key ? [...at, key] : at, message);
    };
    if (!known.includes(control))
      refuse(`${control} is not an attested control of the catalog (known: ${known.join(', ')})`);
    for (const key of ['date', 'expires'] as const)
      if (!isCalendarDate(entry[key])) refuse(`attestations.${control}.${key} is not a date`, key);
    if (entry.expires <= entry.date)
      refuse(`attestations.${control}.expires is not after its date ${entry.date}`, 'expires');
  }
  return value.attestations;
}
