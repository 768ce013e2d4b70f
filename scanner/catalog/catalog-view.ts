import type { RuleMetadata } from '../engine/rule-metadata';
import type { Severity } from '../findings/severity';
import type { SourceKind } from '../model/model';
import type { AttestedControl, Catalog, Framework } from './catalog';

/** The controls of one framework that a rule or attested control helps meet. */
export interface MappedControls {
  /** Framework id, e.g. `nist-800-53`. */
  framework: string;
  controls: string[];
}

export interface RuleCoverage {
  id: string;
  title: string;
  severity: Severity;
  sources: SourceKind[];
  frameworks: MappedControls[];
}

export interface AttestedCoverage extends AttestedControl {
  frameworks: MappedControls[];
}

/** One clause of the policy with what checks it: rules, attested controls, and their framework controls. */
export interface ClauseCoverage {
  id: string;
  title: string;
  policy: string;
  checkable: string;
  rules: RuleCoverage[];
  attested: AttestedCoverage[];
  /** Whether a rule or an attested control checks the clause. */
  covered: boolean;
}

export interface CatalogView {
  frameworks: Framework[];
  clauses: ClauseCoverage[];
  /** Ids of the clauses nothing checks. */
  uncovered: string[];
  /** Every rule, in id order, for the rules reference. */
  rules: RuleMetadata[];
}

/** Walks from each clause to the rules and attested controls that check it, and on to the frameworks. */
export function catalogView(catalog: Catalog, rules: readonly RuleMetadata[]): CatalogView {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const clauses = catalog.clauses.map((clause): ClauseCoverage => {
    const checking = sorted.filter((rule) => rule.clauses.includes(clause.id));
    const attested = (clause.attested_controls ?? []).map((control) => ({
      ...control,
      frameworks: mappedControls(catalog, control.id),
    }));
    return {
      id: clause.id,
      title: clause.title,
      policy: clause.policy,
      checkable: clause.checkable,
      rules: checking.map((rule) => ({
        id: rule.id,
        title: rule.title,
        severity: rule.severity,
        sources: rule.sources,
        frameworks: mappedControls(catalog, rule.id),
      })),
      attested,
      covered: checking.length > 0 || attested.length > 0,
    };
  });
  return {
    frameworks: catalog.frameworks,
    clauses,
    uncovered: clauses.filter((clause) => !clause.covered).map((clause) => clause.id),
    rules: sorted,
  };
}

/** The framework controls a rule or attested control maps to, in the catalog's order of frameworks. */
export function mappedControls(catalog: Catalog, id: string): MappedControls[] {
  const mapped = catalog.mappings[id] ?? {};
  return catalog.frameworks
    .filter((framework) => mapped[framework.id])
    .map((framework) => ({ framework: framework.id, controls: mapped[framework.id] }));
}

/** `nist-800-53 SC-12, SC-28 · hipaa 164.312(a)(2)(iv)`, or `—` when nothing is mapped. */
export function describeMapped(mapped: MappedControls[]): string {
  if (mapped.length === 0) return '—';
  return mapped.map((m) => `${m.framework} ${m.controls.join(', ')}`).join(' · ');
}
