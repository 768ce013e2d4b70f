import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type AliasListEntry,
} from '@aws-sdk/client-kms';
import type { KmsKey } from '../../../model/kms';
import type { Leaf } from '../../../model/leaf';
import type { ApiEvidence } from '../../../model/resource';
import { explicit, unknown } from '../../../normalise/leaves';
import { leafFrom, leafFromLeaf, policyDocumentLeaf } from '../../../normalise/live/live-leaf';
import { liveResourceBase } from '../../../normalise/live/live-resource';
import { listAll, type CollectContext } from '../collect-context';

/** KMS keys of one region with their aliases, manager, state, rotation, policy and tags. */
export async function collectKms(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const kms = scope.clients.kms(region);
  const [keys, aliases] = await Promise.all([
    listAll(
      caller,
      'kms:ListKeys',
      (Marker, abortSignal) => kms.send(new ListKeysCommand({ Marker }), { abortSignal }),
      (output) => ({ items: output.Keys, next: output.Truncated ? output.NextMarker : undefined }),
    ),
    listAll(
      caller,
      'kms:ListAliases',
      (Marker, abortSignal) => kms.send(new ListAliasesCommand({ Marker }), { abortSignal }),
      (output) => ({ items: output.Aliases, next: output.Truncated ? output.NextMarker : undefined }),
    ),
  ]);
  context.listing.record('kms_keys', keys.failure ?? keys.results[0], region);
  const aliasesOf = new Map<string, string[]>();
  for (const alias of aliases.items as AliasListEntry[]) {
    if (!alias.TargetKeyId || !alias.AliasName) continue;
    aliasesOf.set(alias.TargetKeyId, [...(aliasesOf.get(alias.TargetKeyId) ?? []), alias.AliasName]);
  }
  const aliasLeaf = (keyId: string): Leaf<string[]> =>
    aliases.failure?.kind === 'failed'
      ? unknown(aliases.failure.reason, { call: 'kms:ListAliases' })
      : explicit(aliasesOf.get(keyId) ?? [], { call: 'kms:ListAliases' });
  await Promise.all(
    keys.items.map(async (listed) => {
      if (!listed.KeyId || !listed.KeyArn) return;
      await collectKey(context, region, listed.KeyId, listed.KeyArn, aliasLeaf(listed.KeyId));
    }),
  );
}

async function collectKey(
  context: CollectContext,
  region: string,
  KeyId: string,
  arn: string,
  aliases: Leaf<string[]>,
): Promise<void> {
  const { caller, scope } = context;
  const kms = scope.clients.kms(region);
  const [described, rotation, policy, tags] = await Promise.all([
    caller.send('kms:DescribeKey', (s) => kms.send(new DescribeKeyCommand({ KeyId }), { abortSignal: s })),
    caller.send('kms:GetKeyRotationStatus', (s) =>
      kms.send(new GetKeyRotationStatusCommand({ KeyId }), { abortSignal: s }),
    ),
    caller.send('kms:GetKeyPolicy', (s) =>
      kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }), { abortSignal: s }),
    ),
    caller.send('kms:ListResourceTags', (s) =>
      kms.send(new ListResourceTagsCommand({ KeyId }), { abortSignal: s }),
    ),
  ]);
  const evidence: ApiEvidence[] = [described, rotation, policy, tags].map((result) => result.evidence);
  const key: KmsKey = {
    ...liveResourceBase(
      'kms_key',
      { arn, name: KeyId, account: scope.account, region },
      leafFrom(tags, (output) =>
        Object.fromEntries((output.Tags ?? []).map((tag) => [tag.TagKey ?? '', tag.TagValue ?? ''])),
      ),
      evidence,
      'kms:ListKeys',
    ),
    manager: leafFromLeaf(described, (output) => {
      const manager = output.KeyMetadata?.KeyManager;
      return manager === 'CUSTOMER' || manager === 'AWS'
        ? explicit(manager)
        : unknown('DescribeKey named no key manager');
    }),
    spec: leafFrom(described, (output) => output.KeyMetadata?.KeySpec ?? 'SYMMETRIC_DEFAULT'),
    usage: leafFrom(described, (output) => output.KeyMetadata?.KeyUsage ?? 'ENCRYPT_DECRYPT'),
    rotation_enabled: leafFrom(rotation, (output) => output.KeyRotationEnabled === true),
    rotation_period_days: leafFrom(rotation, (output) =>
      output.KeyRotationEnabled ? (output.RotationPeriodInDays ?? 365) : null,
    ),
    policy: leafFromLeaf(policy, (output) => policyDocumentLeaf(output.Policy)),
    deletion_window_days: leafFromLeaf(described, (output) =>
      output.KeyMetadata?.PendingDeletionWindowInDays !== undefined
        ? explicit(output.KeyMetadata.PendingDeletionWindowInDays)
        : unknown('AWS reports a key deletion window only once deletion has been scheduled'),
    ),
    key_state: leafFrom(described, (output) => output.KeyMetadata?.KeyState ?? 'Unavailable'),
    aliases,
    multi_region: leafFrom(described, (output) => output.KeyMetadata?.MultiRegion === true),
    used_by: { documents: [], logs: [], backups: [], other: [] },
  };
  context.model.kms_keys[key.id] = key;
}
