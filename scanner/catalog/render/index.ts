import { LexguardError } from '../../errors';
import { catalogJson } from './json';
import { catalogMarkdown } from './markdown';
import type { CatalogRenderer } from './renderer';
import { catalogTable } from './table';

const RENDERERS: readonly CatalogRenderer[] = [catalogTable, catalogMarkdown, catalogJson];

export function catalogFormats(): string[] {
  return RENDERERS.map((renderer) => renderer.name);
}

export function catalogRenderer(name: string): CatalogRenderer {
  const renderer = RENDERERS.find((r) => r.name === name);
  if (!renderer) {
    throw new LexguardError(
      'USAGE',
      `unknown catalog format ${name}; use one of ${catalogFormats().join(', ')}`,
    );
  }
  return renderer;
}
