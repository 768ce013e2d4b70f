import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The tags every data store carries (CP-13): its classification and its accountable owner. */
export interface DataStoreTags {
  /** Tag key of the classification, `data-classification` by the firm's policy. */
  classificationTag: string;
  classification: string;
  owner: string;
}

export function tagDataStore(scope: IConstruct, tags: DataStoreTags): void {
  Tags.of(scope).add(tags.classificationTag, tags.classification);
  Tags.of(scope).add('owner', tags.owner);
}
