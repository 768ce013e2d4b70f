import type { Model, ResourceCollection } from '../../model/model';
import type { ResourceBase, ResourceKind } from '../../model/resource';
import { parseToken } from '../../sources/template/resolve/tokens';

/**
 * Finds the model resource a reference names, whatever form it takes: a template token (`Ref`,
 * `Fn::GetAtt`), an ARN, a physical name, a KMS key id or alias. One index serves template and live
 * models, so a link means the same in both.
 */
export class ReferenceIndex {
  private readonly byName = new Map<ResourceCollection, Map<string, string>>();

  constructor(
    private readonly model: Model,
    /**
     * For template models whose tokens do not name their scope: the scope that prefixes model ids
     * (`<scope>/<logicalId>`).
     */
    private readonly templateScope?: string,
  ) {}

  resolve(reference: string, collection: ResourceCollection): string | undefined {
    const token = parseToken(reference);
    if (token) {
      const scope = token.scope ?? this.templateScope;
      const id = scope !== undefined ? `${scope}/${token.logicalId}` : undefined;
      return id !== undefined && id in this.model[collection] ? id : undefined;
    }
    if (reference in this.model[collection]) return reference;
    return this.names(collection).get(reference) ?? this.names(collection).get(stripKmsAliasArn(reference));
  }

  private names(collection: ResourceCollection): Map<string, string> {
    let names = this.byName.get(collection);
    if (names) return names;
    names = new Map();
    for (const resource of Object.values(this.model[collection]) as Array<ResourceBase<ResourceKind>>) {
      for (const name of namesOf(resource)) if (!names.has(name)) names.set(name, resource.id);
    }
    this.byName.set(collection, names);
    return names;
  }
}

/** Every string by which a resource can be referred to. */
function namesOf(resource: ResourceBase<ResourceKind>): string[] {
  const names: string[] = [];
  if (resource.name.state !== 'unknown') names.push(resource.name.value);
  if (resource.arn.state !== 'unknown') names.push(resource.arn.value);
  if (resource.kind === 'kms_key' && 'aliases' in resource) {
    const aliases = (resource as { aliases: { state: string; value?: string[] } }).aliases;
    if (aliases.state !== 'unknown') names.push(...(aliases.value ?? []));
  }
  return names;
}

/** `arn:aws:kms:eu-west-1:111122223333:alias/docs` → `alias/docs`, the form aliases are indexed under. */
function stripKmsAliasArn(reference: string): string {
  const match = /^arn:[^:]+:kms:[^:]*:[^:]*:(alias\/.+)$/.exec(reference);
  return match ? match[1] : reference;
}
