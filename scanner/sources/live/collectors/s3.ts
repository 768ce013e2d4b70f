import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  type Bucket,
  type GetBucketEncryptionCommandOutput,
  type GetPublicAccessBlockCommandOutput,
  type Grant,
} from '@aws-sdk/client-s3';
import type { Leaf } from '../../../model/leaf';
import type { ApiEvidence } from '../../../model/resource';
import type {
  AclGrant,
  LifecycleRule,
  PublicAccessBlock,
  ReplicationRule,
  S3Bucket,
} from '../../../model/s3';
import { explicit, linkTo, unknown } from '../../../normalise/leaves';
import { leafFrom, leafFromLeaf, policyDocumentLeaf } from '../../../normalise/live/live-leaf';
import { liveResourceBase, tagMap } from '../../../normalise/live/live-resource';
import { listAll, type CollectContext } from '../collect-context';
import type { CallResult, LiveCaller } from '../live-caller';

/**
 * S3 buckets of the account in the scanned regions, each with every setting the rules read. Buckets are
 * listed once per account (S3's listing is global); each bucket's settings are read from its own region.
 */
export async function collectS3(context: CollectContext): Promise<void> {
  const { caller, scope } = context;
  const listing = await listAll(
    caller,
    's3:ListBuckets',
    (token, abortSignal) =>
      scope.clients.s3().send(new ListBucketsCommand({ ContinuationToken: token }), { abortSignal }),
    (output) => ({ items: output.Buckets, next: output.ContinuationToken }),
  );
  context.listing.record('s3_buckets', listing.failure ?? listing.results[0]);
  await Promise.all(listing.items.map((bucket) => collectBucket(context, bucket)));
}

async function collectBucket(context: CollectContext, listed: Bucket): Promise<void> {
  const { caller, scope } = context;
  const name = listed.Name;
  if (!name) return;
  const evidence: ApiEvidence[] = [];
  const keep = <O>(result: CallResult<O>): CallResult<O> => {
    evidence.push(result.evidence);
    return result;
  };
  const location = keep(
    await caller.send('s3:GetBucketLocation', (abortSignal) =>
      scope.clients.s3().send(new GetBucketLocationCommand({ Bucket: name }), { abortSignal }),
    ),
  );
  // ListBuckets names the region too (BucketRegion); GetBucketLocation is the authority when it answers.
  const region =
    location.kind === 'ok' ? regionOfLocation(location.output.LocationConstraint) : listed.BucketRegion;
  if (region === undefined) {
    context.listing.record('s3_buckets', location);
    return;
  }
  if (!context.regions.includes(region)) return;
  const s3 = scope.clients.s3(region);
  const Bucket = name;
  const read: LiveCaller['send'] = async (call, run) => keep(await caller.send(call, run));
  const [
    encryption,
    pab,
    policy,
    policyStatus,
    acl,
    ownership,
    versioning,
    lock,
    logging,
    lifecycle,
    replication,
    tags,
  ] = await Promise.all([
    read('s3:GetBucketEncryption', (s) =>
      s3.send(new GetBucketEncryptionCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetPublicAccessBlock', (s) =>
      s3.send(new GetPublicAccessBlockCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetBucketPolicy', (s) => s3.send(new GetBucketPolicyCommand({ Bucket }), { abortSignal: s })),
    read('s3:GetBucketPolicyStatus', (s) =>
      s3.send(new GetBucketPolicyStatusCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetBucketAcl', (s) => s3.send(new GetBucketAclCommand({ Bucket }), { abortSignal: s })),
    read('s3:GetBucketOwnershipControls', (s) =>
      s3.send(new GetBucketOwnershipControlsCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetBucketVersioning', (s) =>
      s3.send(new GetBucketVersioningCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetObjectLockConfiguration', (s) =>
      s3.send(new GetObjectLockConfigurationCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetBucketLogging', (s) => s3.send(new GetBucketLoggingCommand({ Bucket }), { abortSignal: s })),
    read('s3:GetBucketLifecycleConfiguration', (s) =>
      s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetBucketReplication', (s) =>
      s3.send(new GetBucketReplicationCommand({ Bucket }), { abortSignal: s }),
    ),
    read('s3:GetBucketTagging', (s) => s3.send(new GetBucketTaggingCommand({ Bucket }), { abortSignal: s })),
  ]);

  const arn = `arn:aws:s3:::${name}`;
  const defaultRule = (output: GetBucketEncryptionCommandOutput) =>
    output.ServerSideEncryptionConfiguration?.Rules?.[0];
  const algorithm = leafFromLeaf(
    encryption,
    (output) => asAlgorithm(defaultRule(output)?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm),
    null,
  );
  const bucket: S3Bucket = {
    ...liveResourceBase(
      's3_bucket',
      { arn, name, account: scope.account, region },
      leafFrom(tags, (output) => tagMap(output.TagSet), {}),
      evidence,
      's3:ListBuckets',
    ),
    encryption: {
      algorithm,
      // Only SSE-KMS names a key; without one, SSE-KMS uses the AWS managed key aws/s3.
      kms_key: linkTo(
        leafFrom(
          encryption,
          (output) => defaultRule(output)?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ?? null,
          null,
        ),
      ),
      bucket_key: leafFrom(encryption, (output) => defaultRule(output)?.BucketKeyEnabled === true, false),
    },
    public_access_block: publicAccessBlock(pab),
    policy: leafFromLeaf(policy, (output) => policyDocumentLeaf(output.Policy), null),
    policy_is_public: leafFrom(policyStatus, (output) => output.PolicyStatus?.IsPublic === true, false),
    acl: leafFrom(acl, (output) => grantsBesidesOwner(output.Grants, output.Owner?.ID)),
    ownership: leafFromLeaf(
      ownership,
      (output) => asOwnership(output.OwnershipControls?.Rules?.[0]?.ObjectOwnership),
      // Without ownership controls a bucket behaves as ObjectWriter (ACLs enabled).
      'ObjectWriter',
    ),
    versioning: {
      status: leafFrom(versioning, (output) =>
        output.Status === 'Enabled' || output.Status === 'Suspended' ? output.Status : ('Disabled' as const),
      ),
      mfa_delete: leafFrom(versioning, (output) => output.MFADelete === 'Enabled'),
    },
    object_lock: {
      enabled: leafFrom(
        lock,
        (output) => output.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled',
        false,
      ),
      default_retention: leafFrom(
        lock,
        (output) => {
          const retention = output.ObjectLockConfiguration?.Rule?.DefaultRetention;
          if (!retention?.Mode) return null;
          return { mode: retention.Mode, days: retention.Days ?? (retention.Years ?? 0) * 365 };
        },
        null,
      ),
    },
    logging: {
      target_bucket: linkTo(leafFrom(logging, (output) => output.LoggingEnabled?.TargetBucket ?? null)),
      target_prefix: leafFrom(logging, (output) => output.LoggingEnabled?.TargetPrefix ?? null),
    },
    lifecycle: leafFrom(lifecycle, (output) => (output.Rules ?? []).map(lifecycleRule), []),
    replication: leafFrom(
      replication,
      (output) => (output.ReplicationConfiguration?.Rules ?? []).map(replicationRule),
      [],
    ),
    // Filled in by the linking pass, once every trail, logging target, backup selection is known.
    holds: 'documents',
    backup_selections: unknown('not linked yet'),
    data_event_trails: { read: unknown('not linked yet'), write: unknown('not linked yet') },
  };
  context.model.s3_buckets[bucket.id] = bucket;
}

/** `null` or `""` is us-east-1; the legacy `EU` is eu-west-1. */
export function regionOfLocation(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** Block Public Access flags; without a configuration every flag is off. */
export function publicAccessBlock(result: CallResult<GetPublicAccessBlockCommandOutput>): PublicAccessBlock {
  const flag = (
    name: 'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets',
  ) => leafFrom(result, (output) => output.PublicAccessBlockConfiguration?.[name] === true, false);
  return {
    block_public_acls: flag('BlockPublicAcls'),
    ignore_public_acls: flag('IgnorePublicAcls'),
    block_public_policy: flag('BlockPublicPolicy'),
    restrict_public_buckets: flag('RestrictPublicBuckets'),
  };
}

type Algorithm = 'aws:kms' | 'aws:kms:dsse' | 'AES256' | null;

function asAlgorithm(value: string | undefined): Leaf<Algorithm> {
  if (value === undefined) return explicit(null);
  if (value === 'aws:kms' || value === 'aws:kms:dsse' || value === 'AES256') return explicit(value);
  return unknown(
    `S3 reported the encryption algorithm ${JSON.stringify(value)}, which lexguard does not know`,
  );
}

function asOwnership(
  value: string | undefined,
): Leaf<S3Bucket['ownership'] extends Leaf<infer T> ? T : never> {
  if (value === 'BucketOwnerEnforced' || value === 'BucketOwnerPreferred' || value === 'ObjectWriter')
    return explicit(value);
  return explicit('ObjectWriter');
}

const GRANTEE_TYPES = new Set(['CanonicalUser', 'Group', 'AmazonCustomerByEmail']);
const PERMISSIONS = new Set(['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP']);

/** The ACL's grants other than the owner's own full control, as a canned ACL in a template lists them. */
function grantsBesidesOwner(grants: Grant[] | undefined, ownerId: string | undefined): AclGrant[] {
  const result: AclGrant[] = [];
  for (const grant of grants ?? []) {
    const type = grant.Grantee?.Type;
    const permission = grant.Permission;
    if (!type || !GRANTEE_TYPES.has(type) || !permission || !PERMISSIONS.has(permission)) continue;
    const grantee = grant.Grantee?.URI ?? grant.Grantee?.ID ?? grant.Grantee?.EmailAddress ?? '';
    if (type === 'CanonicalUser' && grantee === ownerId) continue;
    result.push({
      grantee_type: type as AclGrant['grantee_type'],
      grantee,
      permission: permission as AclGrant['permission'],
    });
  }
  return result;
}

function lifecycleRule(rule: {
  ID?: string;
  Status?: string;
  Prefix?: string;
  Filter?: { Prefix?: string; And?: { Prefix?: string } };
  Expiration?: { Days?: number };
  NoncurrentVersionExpiration?: { NoncurrentDays?: number };
}): LifecycleRule {
  return {
    id: rule.ID ?? null,
    enabled: rule.Status === 'Enabled',
    prefix: rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '',
    expiration_days: rule.Expiration?.Days ?? null,
    noncurrent_expiration_days: rule.NoncurrentVersionExpiration?.NoncurrentDays ?? null,
    unresolved: [],
  };
}

function replicationRule(rule: {
  ID?: string;
  Status?: string;
  Destination?: { Bucket?: string };
}): ReplicationRule {
  return {
    id: rule.ID ?? null,
    enabled: rule.Status === 'Enabled',
    destination_bucket_arn: rule.Destination?.Bucket ?? null,
    destination_region: null,
    unresolved: [],
  };
}
