import type { CatalogView } from '../catalog-view';

/** Turns the catalog view into text in one format. */
export interface CatalogRenderer {
  name: string;
  description: string;
  render(view: CatalogView): string;
}
