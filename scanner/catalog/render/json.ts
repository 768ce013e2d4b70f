import type { CatalogRenderer } from './renderer';

/** The catalog view as JSON, for tools. */
export const catalogJson: CatalogRenderer = {
  name: 'json',
  description: 'clauses, coverage, frameworks and rules as JSON',
  render: (view) => `${JSON.stringify(view, null, 2)}\n`,
};
