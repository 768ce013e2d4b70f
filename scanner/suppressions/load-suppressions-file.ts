import { existsSync } from 'node:fs';
import path from 'node:path';
import { invalidAt, readValidatedYaml } from '../config/read-yaml-file';
import { isCalendarDate, type Suppression } from './suppression';
import type { SuppressionsFile } from './suppressions-file';

export const DEFAULT_SUPPRESSIONS_FILE = 'lexguard.suppressions.yaml';
const SCHEMA_FILE = 'scanner/suppressions/suppressions.schema.json';

/**
 * Reads the central suppressions file: `file` when given (it must exist), else `lexguard.suppressions.yaml`
 * in `cwd` when there is one. A suppression without a reason, owner, expiry or target, or with a date that
 * does not exist, refuses the whole file (CONFIG_INVALID with file, line and column) before anything is
 * scanned: a governed exception that is half written is not governed.
 */
export function loadSuppressionsFile(file?: string, cwd = process.cwd()): Suppression[] {
  const fallback = path.join(cwd, DEFAULT_SUPPRESSIONS_FILE);
  const chosen = file ?? (existsSync(fallback) ? fallback : undefined);
  if (!chosen) return [];
  const { value, positions } = readValidatedYaml<SuppressionsFile>(chosen, SCHEMA_FILE, 'suppressions file');
  return value.suppressions.map((entry, index) => {
    const at = ['suppressions', index];
    if (!isCalendarDate(entry.expires)) {
      throw invalidAt(chosen, positions, [...at, 'expires'], `suppressions[${index}].expires is not a date`);
    }
    if (
      entry.resource === undefined &&
      entry.logical_id === undefined &&
      entry.construct_path === undefined
    ) {
      throw invalidAt(
        chosen,
        positions,
        at,
        `suppressions[${index}] names no resource, logical_id or construct_path to apply to`,
      );
    }
    const position = positions.locate(at);
    return {
      rule: entry.rule,
      reason: entry.reason,
      owner: entry.owner,
      expires: entry.expires,
      scope: {
        kind: 'globs',
        ...(entry.resource !== undefined ? { resource: entry.resource } : {}),
        ...(entry.logical_id !== undefined ? { logical_id: entry.logical_id } : {}),
        ...(entry.construct_path !== undefined ? { construct_path: entry.construct_path } : {}),
      },
      origin: { file: chosen, ...position },
    };
  });
}
