import type { Leaf } from '../../model/leaf';
import type { ApiEvidence, ResourceBase, ResourceKind } from '../../model/resource';
import { explicit } from '../leaves';

export interface LiveIdentity {
  arn: string;
  name: string;
  account: string;
  region: string;
}

/**
 * The fields every live resource shares. The model id is the ARN. `evidence` is the list the collector
 * appends each call's evidence to, so the finding shows every call behind the resource.
 */
export function liveResourceBase<K extends ResourceKind>(
  kind: K,
  identity: LiveIdentity,
  tags: Leaf<Record<string, string>>,
  evidence: ApiEvidence[],
  call: string,
): ResourceBase<K> {
  const at = { call };
  return {
    id: identity.arn,
    kind,
    name: explicit(identity.name, at),
    arn: explicit(identity.arn, at),
    account: explicit(identity.account, at),
    region: explicit(identity.region, at),
    tags,
    source: { kind: 'live', arn: identity.arn, account: identity.account, region: identity.region, evidence },
  };
}

/** `[{Key, Value}]` (most services) as a map. */
export function tagMap(
  tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined,
): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((tag) => tag.Key).map((tag) => [tag.Key, tag.Value ?? '']));
}

/** Whole days from `from` to `to` (ages of keys, passwords, locks), rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}
