import type { IConstruct } from 'constructs';
import type { SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import { tagDataStore, type DataStoreTags } from '../constructs/data-store-tags';

/** The classification and owner tags of the store's data stores (CP-13), unless the tagging control is off. */
export class StoreTags {
  constructor(
    private readonly config: StoreConfig,
    private readonly controls: SecurityControls,
  ) {}

  for(classification: string): DataStoreTags | undefined {
    if (!this.controls.requiredTags) return undefined;
    return { classificationTag: this.config.classificationTag, classification, owner: this.config.owner };
  }

  /** Tags every taggable resource under `scope`. */
  apply(scope: IConstruct, classification: string): void {
    const tags = this.for(classification);
    if (tags) tagDataStore(scope, tags);
  }
}
