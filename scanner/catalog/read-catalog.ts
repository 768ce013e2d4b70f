import path from 'node:path';
import { LexguardError } from '../errors';
import type { RuleMetadata } from '../engine/rule-metadata';
import { projectRoot } from '../util/project-root';
import { keyPath, schemaValidator, YamlFile, type YamlPath } from '../util/yaml-file';
import { CATALOG_FILES, type Catalog, type ClausesFile, type FrameworksFile } from './catalog';

/**
 * Reads the control catalog from `<policiesDir>/catalog`, validates both files against their schemas and
 * checks that they agree with each other and with the rules: clause and control ids unique, attested
 * controls named after their clause, every clause a rule names defined, every mapping naming an existing
 * rule or attested control, a known framework and controls of that framework's form. Throws one
 * CATALOG_INVALID error listing every problem with its file and line.
 */
export function readCatalog(policiesDir: string, rules: readonly RuleMetadata[]): Catalog {
  const dir = path.join(policiesDir, 'catalog');
  const clausesYaml = YamlFile.read(path.join(dir, CATALOG_FILES.clauses), 'CATALOG_INVALID');
  const frameworksYaml = YamlFile.read(path.join(dir, CATALOG_FILES.frameworks), 'CATALOG_INVALID');
  const { clauses } = clausesYaml.validate<ClausesFile>(schemaValidator(schemaFile('clauses')), 'catalog');
  const { frameworks, mappings } = frameworksYaml.validate<FrameworksFile>(
    schemaValidator(schemaFile('frameworks')),
    'catalog',
  );
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
      'CATALOG_INVALID',
      `the control catalog is invalid:\n  ${problems.map((p) => p.describe()).join('\n  ')}`,
    );
  }
  return catalog;
}

/** The JSON Schema of a catalog file, generated from `catalog.ts` by `npm run generate`. */
export function schemaFile(name: keyof typeof CATALOG_FILES): string {
  return path.join(projectRoot(), 'scanner', 'catalog', `${name}.schema.json`);
}

function clauseProblems(catalog: Catalog, rules: readonly RuleMetadata[], yaml: YamlFile): LexguardError[] {
  const problems: LexguardError[] = [];
  const seen = new Set<string>();
  const at = (message: string, where: YamlPath): void => void problems.push(yaml.error(message, where));
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
            'CATALOG_INVALID',
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

function mappingProblems(catalog: Catalog, rules: readonly RuleMetadata[], yaml: YamlFile): LexguardError[] {
  const problems: LexguardError[] = [];
  const at = (message: string, where: YamlPath): void => void problems.push(yaml.error(message, where));
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
