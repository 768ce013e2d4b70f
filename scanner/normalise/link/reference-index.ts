import type { Leaf } from '../../model/leaf';
import type { Model, ResourceCollection } from '../../model/model';
import type { ResourceBase, ResourceKind } from '../../model/resource';
import { parseToken } from '../../sources/template/resolve/tokens';
import { parseArn } from './arn';
import { canonicalReference } from './reference-forms';

/**
 * Finds the model resource a reference names, whatever form it takes: a template token (`Ref`,
 * `Fn::GetAtt`), an ARN written out or built with `Fn::Join`/`Fn::Sub`, a physical name, a KMS key id or
 * alias. Every reference is first brought to one canonical form (`reference-forms.ts`), so the three
 * ways CDK writes a bucket's ARN all find the same bucket. One index serves template and live models, so
 * a link means the same in both.
 */
export class ReferenceIndex {
  private readonly byName = new Map<ResourceCollection, Map<string, string>>();
  /** References known from outside the resources themselves, e.g. `Ref` of an `AWS::KMS::Alias`. */
  private readonly extra = new Map<ResourceCollection, Map<string, string>>();

  constructor(
    private readonly model: Model,
    /** For template models: the scope that prefixes model ids (`<scope>/<logicalId>`). */
    private readonly templateScope?: string,
  ) {}

  resolve(reference: string, collection: ResourceCollection): string | undefined {
    // Own keys only: a bucket named `constructor` must not find Object.prototype.
    if (Object.hasOwn(this.model[collection], reference)) return reference;
    const key = canonicalReference(reference, collection);
    if (key === undefined) return undefined;
    const token = parseToken(key);
    // A token names its scope when templates are read together (a cloud assembly), else the template's.
    const scope = token?.scope ?? this.templateScope;
    if (token && scope !== undefined) {
      const id = `${scope}/${token.logicalId}`;
      if (Object.hasOwn(this.model[collection], id)) return id;
    }
    if (Object.hasOwn(this.model[collection], key)) return key;
    const id = this.extra.get(collection)?.get(key) ?? this.names(collection).get(key);
    return id !== undefined && this.consistent(reference, this.model[collection][id]) ? id : undefined;
  }

  /** Makes `reference` name the resource `id` too (for references no resource field shows). */
  register(reference: string, collection: ResourceCollection, id: string): void {
    const key = canonicalReference(reference, collection);
    if (key === undefined) return;
    const names = this.extra.get(collection) ?? new Map<string, string>();
    if (!names.has(key)) names.set(key, id);
    this.extra.set(collection, names);
  }

  private names(collection: ResourceCollection): Map<string, string> {
    let names = this.byName.get(collection);
    if (names) return names;
    names = new Map();
    for (const resource of Object.values(this.model[collection]) as Array<ResourceBase<ResourceKind>>) {
      for (const name of namesOf(resource)) {
        const key = canonicalReference(name, collection);
        if (key !== undefined && !names.has(key)) names.set(key, resource.id);
      }
    }
    this.byName.set(collection, names);
    return names;
  }

  /**
   * An ARN written with a literal region or account names a resource found by its name only when the
   * resource is (or may be) in that region and account: `arn:aws:logs:us-east-1:…:log-group:audit` is
   * not the template's `audit` group deployed to `eu-west-1`.
   */
  private consistent(reference: string, resource: ResourceBase<ResourceKind>): boolean {
    const arn = parseArn(reference);
    if (!arn) return true;
    const agrees = (written: string, leaf: Leaf<string>): boolean =>
      written === '' || written.startsWith('{{') || leaf.state === 'unknown' || leaf.value === written;
    return agrees(arn.region, resource.region) && agrees(arn.account, resource.account);
  }
}

/** Every string by which a resource can be referred to. */
function namesOf(resource: ResourceBase<ResourceKind>): string[] {
  const names: string[] = [];
  if (resource.name.state !== 'unknown') names.push(resource.name.value);
  if (resource.arn.state !== 'unknown') names.push(resource.arn.value);
  if (resource.kind === 'kms_key' && 'aliases' in resource) {
    const aliases = (resource as { aliases: Leaf<string[]> }).aliases;
    if (aliases.state !== 'unknown') names.push(...aliases.value);
  }
  return names;
}
