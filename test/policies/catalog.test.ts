import { readPolicyBundle } from '../../scanner/engine/policy-bundle';
import { catalogView } from '../../scanner/catalog/catalog-view';
import { RULE_CUSTOM_METADATA_SCHEMA } from '../../scanner/engine/rule-metadata-schema';

const ALL_CLAUSES = Array.from({ length: 15 }, (_, i) => `CP-${String(i + 1).padStart(2, '0')}`);

describe('the control catalog in the compiled bundle', () => {
  const { manifest } = readPolicyBundle();
  const { rules, catalog } = manifest;
  const view = catalogView(catalog, rules);

  it('gives every rule a unique id', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every rule complete metadata', () => {
    const required = RULE_CUSTOM_METADATA_SCHEMA.required;
    const incomplete = rules.flatMap((rule) => [
      ...(['title', 'description', ...required] as const)
        .filter((field) => {
          const value: unknown = rule[field];
          return Array.isArray(value) ? value.length === 0 : typeof value !== 'string' || value.trim() === '';
        })
        .map((field) => `${rule.id} has no ${field}`),
    ]);
    expect(incomplete).toEqual([]);
  });

  it('defines each clause CP-01 … CP-15 once, in order', () => {
    expect(catalog.clauses.map((clause) => clause.id)).toEqual(ALL_CLAUSES);
  });

  it('covers every clause with a rule or an attested control', () => {
    expect(view.uncovered).toEqual([]);
  });

  it('judges every clause CP-01 … CP-15 by at least one rule', () => {
    const judged = new Set(rules.flatMap((rule) => rule.clauses));
    expect(ALL_CLAUSES.filter((clause) => !judged.has(clause))).toEqual([]);
  });

  it('carries the attested controls of the practices no API shows', () => {
    const attested = catalog.clauses.flatMap((clause) => (clause.attested_controls ?? []).map((c) => c.id));
    expect(attested).toEqual(
      expect.arrayContaining([
        'CP-10.restore-tests',
        'CP-15.training',
        'CP-15.paper-records',
        'CP-15.client-consent',
        'CP-15.breach-response-plan',
      ]),
    );
  });

  it('maps only existing rules and attested controls, to frameworks the catalog defines', () => {
    const known = new Set([
      ...rules.map((rule) => rule.id),
      ...catalog.clauses.flatMap((clause) => (clause.attested_controls ?? []).map((c) => c.id)),
    ]);
    const frameworks = new Set(catalog.frameworks.map((framework) => framework.id));
    const strays = Object.entries(catalog.mappings).flatMap(([id, byFramework]) => [
      ...(known.has(id) ? [] : [`${id} is not a rule or attested control`]),
      ...Object.keys(byFramework)
        .filter((framework) => !frameworks.has(framework))
        .map((framework) => `${id} maps to unknown framework ${framework}`),
    ]);
    expect(strays).toEqual([]);
  });

  it('gives each rule its framework controls, which every finding of the rule then carries', () => {
    for (const rule of rules) expect(rule.frameworks).toEqual(catalog.mappings[rule.id]);
    expect(rules.find((rule) => rule.id === 'LG-S3-003')?.frameworks).toMatchObject({ 'cis-aws': ['2.1.1'] });
  });

  it('names the CIS benchmark version its control numbers cite', () => {
    expect(catalog.frameworks.find((framework) => framework.id === 'cis-aws')).toMatchObject({
      name: 'CIS Amazon Web Services Foundations Benchmark',
      version: 'v3.0.0',
    });
  });
});
