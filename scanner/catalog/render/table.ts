import { describeMapped, type CatalogView, type ClauseCoverage } from '../catalog-view';
import type { CatalogRenderer } from './renderer';

const INDENT = ' '.repeat(7);

/** Clause by clause, for terminals: what checks it, and the framework controls each check maps to. */
export const catalogTable: CatalogRenderer = {
  name: 'table',
  description: 'clauses with their rules and attested controls, for terminals',
  render(view) {
    const lines: string[] = [];
    for (const clause of view.clauses) {
      lines.push(
        `${clause.id}  ${clause.title}${clause.covered ? '' : '  — UNCOVERED: no rule or attested control'}`,
      );
      lines.push(...clauseLines(clause), '');
    }
    lines.push(summary(view), '');
    return lines.join('\n');
  },
};

function clauseLines(clause: ClauseCoverage): string[] {
  const lines: string[] = [];
  for (const rule of clause.rules) {
    lines.push(`${INDENT}${rule.id.padEnd(11)} ${rule.severity.padEnd(8)} ${rule.title}`);
    lines.push(`${INDENT}${' '.repeat(21)}${describeMapped(rule.frameworks)}`);
  }
  for (const control of clause.attested) {
    lines.push(`${INDENT}${control.id} (attested) ${control.title}`);
    lines.push(`${INDENT}${' '.repeat(21)}${describeMapped(control.frameworks)}`);
  }
  return lines;
}

function summary(view: CatalogView): string {
  const attested = view.clauses.reduce((sum, clause) => sum + clause.attested.length, 0);
  const uncovered =
    view.uncovered.length === 0
      ? 'none uncovered'
      : `${view.uncovered.length} uncovered (${view.uncovered.join(', ')})`;
  return `${view.clauses.length} clauses, ${uncovered}; ${view.rules.length} rules, ${attested} attested controls`;
}
