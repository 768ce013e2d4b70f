import path from 'node:path';
import { invalidAt, readValidatedYaml, type ValidatedYaml } from '../config/read-yaml-file';
import type { RuleMetadata } from '../engine/rule-metadata';
import { LexguardError } from '../errors';
import { keyPath, type DocumentPath } from '../util/schema-validation';
import { CATALOG_FILES, type Catalog, type ClausesFile, type FrameworksFile } from './catalog';

/** The catalog files' JSON Schemas (relative to the project root), generated from `catalog.ts`. */
export const CATALOG_SCHEMAS = {
  clauses: 'scanner/catalog/clauses.schema.json',
  frameworks: 'scanner/catalog/frameworks.schema.json',
} as const;

/** A catalog file as read: its validated value and where each key stands. */
interface CatalogFile<T> extends ValidatedYaml<T> {
  file: string;
}

/**
 * Reads the control catalog from `<policiesDir>/catalog`, validates both files against their schemas and
 * checks that they agree with each other and with the rules: clause and control ids unique, attested
 * controls named after their clause, every clause a rule names defined, every mapping naming an existing
 * rule or attested control, a known framework and controls of that framework's form. A file that is not
 * valid YAML or breaks its schema is refused at the first problem; the cross-checks throw one
 * CONFIG_INVALID error listing every problem with its file and line.
 */
export function readCatalog(policiesDir: string, rules: readonly RuleMetadata[]): Catalog {
  const clausesYaml = readCatalogFile<ClausesFile>(policiesDir, 'clauses');
  const frameworksYaml = readCatalogFile<FrameworksFile>(policiesDir, 'frameworks');
  const { clauses } = clausesYaml.value;
  const { frameworks, mappings } = frameworksYaml.value;
  const catalog: Catalog = {
    clauses: clauses.map((clause) => ({ ...clause, attested_controls: clause.attested_controls ?? [] })),
    frameworks,
    mappings,
  };
  const problems = [
    ...clauseProblems(catalog, rules, clausesYaml),
    ...mappingProblems(catalog, rules, frameworksYaml),
  ];
  if (problems.length > 0) {
    throw new LexguardError(
      'CONFIG_INVALID',
      `the control catalog is invalid:\n  ${problems.map((p) => p.describe()).join('\n  ')}`,
    );
  }
  return catalog;
}

function readCatalogFile<T>(policiesDir: string, name: keyof typeof CATALOG_FILES): CatalogFile<T> {
  const file = path.join(policiesDir, 'catalog', CATALOG_FILES[name]);
  return { file, ...readValidatedYaml<T>(file, CATALOG_SCHEMAS[name], 'catalog') };
}

/** Collects problems found in one catalog file, each at the position of the key it is about. */
function problemsIn<T>(yaml: CatalogFile<T>): {
  problems: LexguardError[];
  at: (message: string, where: DocumentPath) => void;
} {
  const problems: LexguardError[] = [];
  return {
    problems,
    at: (message, where) => void problems.push(invalidAt(yaml.file, yaml.positions, where, message)),
  };
}

function clauseProblems(
  catalog: Catalog,
  rules: readonly RuleMetadata[],
  yaml: CatalogFile<ClausesFile>,
): LexguardError[] {
  const { problems, at } = problemsIn(yaml);
  const seen = new Set<string>();
  catalog.clauses.forEach((clause, i) => {
    if (seen.has(clause.id)) at(`clause ${clause.id} is defined twice`, ['clauses', i, 'id']);
    seen.add(clause.id);
    (clause.attested_controls ?? []).forEach((control, j) => {
      const where = ['clauses', i, 'attested_controls', j, 'id'];
      if (!control.id.startsWith(`${clause.id}.`))
        at(`attested control ${control.id} must be named ${clause.id}.<practice>`, where);
      if (seen.has(control.id)) at(`attested control ${control.id} is defined twice`, where);
      seen.add(control.id);
    });
  });
  for (const rule of rules) {
    for (const clause of rule.clauses) {
      if (!seen.has(clause)) {
        problems.push(
          new LexguardError(
            'CONFIG_INVALID',
            `rule ${rule.id} serves clause ${clause}, which is not defined`,
            {
              position: { file: rule.file },
            },
          ),
        );
      }
    }
  }
  return problems;
}

function mappingProblems(
  catalog: Catalog,
  rules: readonly RuleMetadata[],
  yaml: CatalogFile<FrameworksFile>,
): LexguardError[] {
  const { problems, at } = problemsIn(yaml);
  const patterns = new Map<string, RegExp>();
  catalog.frameworks.forEach((framework, i) => {
    if (patterns.has(framework.id)) at(`framework ${framework.id} is defined twice`, ['frameworks', i, 'id']);
    try {
      patterns.set(framework.id, new RegExp(framework.control_pattern));
    } catch {
      at(`control_pattern of ${framework.id} is not a regular expression`, [
        'frameworks',
        i,
        'control_pattern',
      ]);
    }
  });
  const controls = new Set([
    ...rules.map((rule) => rule.id),
    ...catalog.clauses.flatMap((clause) => (clause.attested_controls ?? []).map((control) => control.id)),
  ]);
  for (const [id, byFramework] of Object.entries(catalog.mappings)) {
    if (!controls.has(id)) at(`${id} is neither a rule nor an attested control`, ['mappings', id]);
    for (const [framework, ids] of Object.entries(byFramework)) {
      const pattern = patterns.get(framework);
      if (!pattern) {
        at(`${keyPath(['mappings', id, framework])}: ${framework} is not a framework of the catalog`, [
          'mappings',
          id,
          framework,
        ]);
        continue;
      }
      ids.forEach((control, k) => {
        if (!pattern.test(control)) {
          at(
            `${control} is not a ${framework} control (expected ${framework} ids to match ${pattern.source})`,
            ['mappings', id, framework, k],
          );
        }
      });
    }
  }
  return problems;
}
