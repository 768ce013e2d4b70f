import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILES } from '../engine/bundle-manifest';
import { defaultBundleDir } from '../engine/policy-bundle';

/** The clauses a report lists, with their titles when the policy bundle's catalog gives them. */
export interface ClauseCatalog {
  clauses: Array<{ id: string; title?: string }>;
  /** Says why titles are missing, so the report shows the gap instead of hiding it. */
  note?: string;
}

/** The clause ids of the firm's confidentiality policy: every report lists all of them. */
export const POLICY_CLAUSE_IDS: readonly string[] = Array.from(
  { length: 15 },
  (_, i) => `CP-${String(i + 1).padStart(2, '0')}`,
);

/**
 * Reads clause titles from a bundle manifest's `catalog.clauses` (`[{id, title}]`) when it has one.
 * Every policy clause is listed either way.
 */
export function clauseCatalogFrom(manifest: unknown): ClauseCatalog {
  const listed = catalogClauses(manifest);
  if (!listed) {
    return {
      clauses: POLICY_CLAUSE_IDS.map((id) => ({ id })),
      note: 'clause titles are not shown: the policy bundle carries no clause catalog',
    };
  }
  const titles = new Map(listed.map((clause) => [clause.id, clause.title]));
  const ids = [...new Set([...POLICY_CLAUSE_IDS, ...titles.keys()])].sort();
  return { clauses: ids.map((id) => ({ id, ...(titles.get(id) ? { title: titles.get(id) } : {}) })) };
}

/** The catalog of the installed policy bundle; the bare clause list when it cannot be read. */
export function installedClauseCatalog(bundleDir = defaultBundleDir()): ClauseCatalog {
  try {
    return clauseCatalogFrom(JSON.parse(readFileSync(path.join(bundleDir, BUNDLE_FILES.manifest), 'utf8')));
  } catch {
    return clauseCatalogFrom(undefined);
  }
}

function catalogClauses(manifest: unknown): Array<{ id: string; title: string }> | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const catalog = (manifest as { catalog?: unknown }).catalog;
  if (typeof catalog !== 'object' || catalog === null) return undefined;
  const clauses = (catalog as { clauses?: unknown }).clauses;
  if (!Array.isArray(clauses)) return undefined;
  const valid = clauses.filter(
    (clause): clause is { id: string; title: string } =>
      typeof clause === 'object' &&
      clause !== null &&
      typeof (clause as { id?: unknown }).id === 'string' &&
      typeof (clause as { title?: unknown }).title === 'string',
  );
  return valid.length > 0 ? valid : undefined;
}
