import type { Leaf } from '../../model/leaf';
import type { ResourceBase, ResourceKind, TemplateResourceSource } from '../../model/resource';
import type { Resolved } from '../../sources/template/resolve/unresolved';
import { explicit, unknown } from '../leaves';
import type { PathSegment } from '../../util/property-path';
import { asList, asString, type PropertyReader, type Decoder } from './property-reader';

/** One resource of a template, resolved, with what its adapter needs to build a model resource. */
export interface TemplateResource {
  logicalId: string;
  /** The model id, `<scope>/<logicalId>`. */
  id: string;
  type: string;
  properties: PropertyReader;
  source: TemplateResourceSource;
  /** What is known about the stack: its account and region when the assembly or the user says. */
  stack: StackFacts;
}

export interface StackFacts {
  /** The stack name (cloud assembly) or the template file name: the scope of model ids. */
  scope: string;
  /**
   * The scope the resolver writes into resource tokens, when it does (templates read together, as the
   * stacks of a cloud assembly are); a template read alone keeps short tokens.
   */
  tokenScope?: string;
  account: Leaf<string>;
  region: Leaf<string>;
  /**
   * The model id of the account the stack deploys into: `<scope>/account` for a template read alone, the
   * account's own for the stacks of a cloud assembly, which share it.
   */
  accountId?: string;
}

/**
 * The fields every template-built resource shares, from its properties and the stack's facts. The name and
 * tags are read from `nameProperty` and `tagsProperty`, a property name or a path for types that nest them
 * (`BackupPlan.BackupPlanName`, `BackupVaultTags`).
 */
export function templateResourceBase<K extends ResourceKind>(
  resource: TemplateResource,
  kind: K,
  nameProperty: string | readonly PathSegment[] | undefined,
  tagsProperty: string | readonly PathSegment[] = 'Tags',
): ResourceBase<K> {
  const namePath = typeof nameProperty === 'string' ? [nameProperty] : nameProperty;
  const name = namePath
    ? resource.properties.string(namePath, {
        unknown: `CloudFormation generates the name at deploy time (${namePath.join('.')} is not set)`,
      })
    : unknown('the resource has no name property');
  return {
    id: resource.id,
    kind,
    name,
    arn: unknown('the ARN is assigned when the stack is deployed'),
    account: resource.stack.account,
    region: resource.stack.region,
    tags: resource.properties.leaf(typeof tagsProperty === 'string' ? [tagsProperty] : tagsProperty, asTags, {
      default: {},
    }),
    source: resource.source,
  };
}

/** CloudFormation tags: a list of `{Key, Value}` (most types) or a plain map (a few older types). */
export const asTags: Decoder<Record<string, string>> = (value: Resolved) => {
  if (Array.isArray(value)) {
    const pairs = asList<{ Key: string; Value: string }>(asTag)(value);
    if ('error' in pairs) return pairs;
    return { ok: Object.fromEntries(pairs.ok.map((tag) => [tag.Key, tag.Value])) };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, asString(item)] as const);
    const bad = entries.find(([, decoded]) => 'error' in decoded);
    if (bad) return { error: `tag ${bad[0]} is not a string` };
    return {
      ok: Object.fromEntries(entries.map(([key, decoded]) => [key, 'ok' in decoded ? decoded.ok : ''])),
    };
  }
  return { error: 'is not a list of tags' };
};

const asTag: Decoder<{ Key: string; Value: string }> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'holds a tag that is not a mapping' };
  const tag = value as Record<string, Resolved>;
  const key = asString(tag.Key ?? null);
  const text = asString(tag.Value ?? '');
  if ('error' in key) return { error: 'holds a tag whose Key is not a string' };
  if ('error' in text) return { error: `holds tag ${key.ok} whose Value cannot be resolved` };
  return { ok: { Key: key.ok, Value: text.ok } };
};

/** A known leaf for a fact that follows from the resource type itself. */
export function fromType<T>(value: T): Leaf<T> {
  return explicit(value);
}
