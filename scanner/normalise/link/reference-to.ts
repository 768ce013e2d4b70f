import type { ResourceBase, ResourceKind } from '../../model/resource';
import { resourceToken } from '../../sources/template/resolve/tokens';

/** How a link made by the normaliser names a resource: its name, else its ARN, else its template token. */
export function referenceTo(resource: ResourceBase<ResourceKind>): string {
  if (resource.name.state !== 'unknown') return resource.name.value;
  if (resource.arn.state !== 'unknown') return resource.arn.value;
  return resource.source.kind === 'template' ? resourceToken(resource.source.logical_id) : resource.id;
}
