import type { RuleMetadata } from '../../engine/rule-metadata';
import { describeMapped, type AttestedCoverage, type MappedControls } from '../catalog-view';
import type { CatalogRenderer } from './renderer';

/**
 * The rules reference (`docs/rules.md` is this renderer's output): clauses with what checks them, the
 * frameworks, every rule with its metadata and mappings, and the attested controls.
 */
export const catalogMarkdown: CatalogRenderer = {
  name: 'markdown',
  description: 'the rules reference as Markdown (docs/rules.md)',
  render(view) {
    const mappings = new Map<string, MappedControls[]>();
    for (const clause of view.clauses)
      for (const rule of clause.rules) mappings.set(rule.id, rule.frameworks);
    const attested = view.clauses.flatMap((clause) => clause.attested);
    return [
      '# lexguard rules',
      '',
      "<!-- Generated from the rules' METADATA and policies/catalog by `npm run generate`",
      '     (the same text as `lexguard catalog --format markdown`); do not edit by hand. -->',
      '',
      "Each clause of the firm's confidentiality policy, the rules and attested controls that check it, and",
      'the framework controls they help meet. A framework control is listed only where its number names what',
      'the rule checks; where none does, the mapping is left out (—).',
      '',
      '## Clauses',
      '',
      '| clause | checked by | status |',
      '| --- | --- | --- |',
      ...view.clauses.map(
        (clause) =>
          `| ${clause.id} ${cell(clause.title)} | ${[...clause.rules.map((r) => r.id), ...clause.attested.map((a) => `${a.id} (attested)`)].join(', ') || '—'} | ${clause.covered ? 'covered' : '**uncovered**'} |`,
      ),
      '',
      view.uncovered.length === 0
        ? 'Every clause is checked by a rule or an attested control.'
        : `**Uncovered clauses**: ${view.uncovered.join(', ')}.`,
      '',
      '## Frameworks',
      '',
      '| id | framework | version |',
      '| --- | --- | --- |',
      ...view.frameworks.map((f) => `| ${f.id} | ${cell(f.name)} | ${cell(f.version)} |`),
      '',
      '## Rules',
      '',
      ...view.rules.flatMap((rule) => ruleSection(rule, mappings.get(rule.id) ?? [])),
      '## Attested controls',
      '',
      'Practices no API shows. An attestation (owner, date, evidence, expiry) confirms each one.',
      '',
      ...attested.flatMap(attestedSection),
    ].join('\n');
  },
};

function ruleSection(rule: RuleMetadata, frameworks: MappedControls[]): string[] {
  return [
    `### ${rule.id}: ${rule.title}`,
    '',
    `| severity | clauses | resources | judged on |`,
    `| --- | --- | --- | --- |`,
    `| ${rule.severity} | ${rule.clauses.join(', ')} | ${rule.resource_kinds.join(', ')} | ${rule.sources.join(', ')} |`,
    '',
    rule.description,
    '',
    `**Remediation**: ${rule.remediation}`,
    ...(rule.cdk ? ['', `**CDK**: \`${rule.cdk}\``] : []),
    '',
    `**Frameworks**: ${describeMapped(frameworks)}`,
    '',
    `**Source**: \`${rule.file}\``,
    '',
  ];
}

function attestedSection(control: AttestedCoverage): string[] {
  return [
    `### ${control.id}: ${control.title}`,
    '',
    control.description,
    '',
    `**Evidence**: ${control.evidence}`,
    '',
    `**Frameworks**: ${describeMapped(control.frameworks)}`,
    '',
  ];
}

/** Text inside a table cell: pipes would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
