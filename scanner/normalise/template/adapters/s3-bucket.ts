import type { Leaf } from '../../../model/leaf';
import type {
  AclGrant,
  LifecycleRule,
  ObjectLockRetention,
  ReplicationRule,
  S3Bucket,
} from '../../../model/s3';
import { isUnresolved } from '../../../sources/template/resolve/unresolved';
import { resourceToken } from '../../../sources/template/resolve/tokens';
import { byDefault, linkTo, unknown } from '../../leaves';
import { asNullableString, type Decoder, type PropertyReader } from '../property-reader';
import { isRecord, toNumber } from '../resolved-values';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

const ENCRYPTION = ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0] as const;
const PUBLIC_ACCESS_BLOCK = 'PublicAccessBlockConfiguration';

/**
 * `AWS::S3::Bucket`. Defaults are those S3 applies to a new bucket today: SSE-S3 encryption (since
 * January 2023), all four Block Public Access flags on and ACLs disabled (since April 2023), versioning
 * and Object Lock off.
 */
export const s3BucketAdapter: TemplateAdapter = {
  types: ['AWS::S3::Bucket'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const encryptionConfigured = props.get(['BucketEncryption']) !== undefined;
    const bucket: S3Bucket = {
      ...templateResourceBase(resource, 's3_bucket', 'BucketName'),
      encryption: {
        algorithm: encryptionConfigured
          ? props.leaf([...ENCRYPTION, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'], asAlgorithm, {
              default: null,
            })
          : byDefault('AES256'),
        kms_key: linkTo(
          props.reference([...ENCRYPTION, 'ServerSideEncryptionByDefault', 'KMSMasterKeyID'], {
            default: null,
          }),
        ),
        bucket_key: props.boolean([...ENCRYPTION, 'BucketKeyEnabled'], { default: false }),
      },
      public_access_block: publicAccessBlock(props),
      policy: byDefault(null),
      acl: props.leaf(['AccessControl'], asCannedAcl, { default: [] }),
      ownership: props.leaf(['OwnershipControls', 'Rules', 0, 'ObjectOwnership'], asOwnership, {
        default: 'BucketOwnerEnforced',
      }),
      versioning: {
        status: props.leaf(['VersioningConfiguration', 'Status'], asVersioningStatus, {
          default: 'Disabled',
        }),
        // CloudFormation cannot turn MFA delete on; only the root user can, through the API.
        mfa_delete: byDefault(false),
      },
      object_lock: {
        enabled: props.boolean(['ObjectLockEnabled'], { default: false }),
        default_retention: props.leaf(['ObjectLockConfiguration', 'Rule', 'DefaultRetention'], asRetention, {
          default: null,
        }),
      },
      logging: {
        // A LoggingConfiguration without a destination logs to the bucket itself.
        target_bucket: linkTo(
          props.reference(['LoggingConfiguration', 'DestinationBucketName'], {
            default:
              props.get(['LoggingConfiguration']) === undefined
                ? null
                : resourceToken(resource.logicalId, undefined, resource.stack.tokenScope),
          }),
        ),
        target_prefix: props.leaf(['LoggingConfiguration', 'LogFilePrefix'], asNullableString, {
          default: null,
        }),
      },
      lifecycle: props.leaf(['LifecycleConfiguration', 'Rules'], asLifecycleRules, { default: [] }),
      replication: props.leaf(['ReplicationConfiguration', 'Rules'], asReplicationRules, { default: [] }),
      // Filled in by the linking pass, once every bucket, backup selection and trail is known.
      holds: 'documents',
      backup_selections: unknown('not linked yet'),
      data_event_trails: { read: unknown('not linked yet'), write: unknown('not linked yet') },
    };
    model.s3_buckets[bucket.id] = bucket;
  },
};

/**
 * With no PublicAccessBlockConfiguration, a new bucket gets all four flags on. With one, a flag it leaves
 * out is off.
 */
function publicAccessBlock(props: PropertyReader): S3Bucket['public_access_block'] {
  const configured = props.get([PUBLIC_ACCESS_BLOCK]) !== undefined;
  const flag = (name: string): Leaf<boolean> =>
    props.boolean([PUBLIC_ACCESS_BLOCK, name], { default: !configured });
  return {
    block_public_acls: flag('BlockPublicAcls'),
    ignore_public_acls: flag('IgnorePublicAcls'),
    block_public_policy: flag('BlockPublicPolicy'),
    restrict_public_buckets: flag('RestrictPublicBuckets'),
  };
}

const asAlgorithm: Decoder<S3Bucket['encryption']['algorithm'] extends Leaf<infer T> ? T : never> = (
  value,
) => {
  if (value === 'aws:kms' || value === 'aws:kms:dsse' || value === 'AES256') return { ok: value };
  return { error: `is ${JSON.stringify(value)}, not aws:kms, aws:kms:dsse or AES256` };
};

const asVersioningStatus: Decoder<'Enabled' | 'Suspended' | 'Disabled'> = (value) =>
  value === 'Enabled' || value === 'Suspended'
    ? { ok: value }
    : { error: `is ${JSON.stringify(value)}, not Enabled or Suspended` };

const asOwnership: Decoder<S3Bucket['ownership'] extends Leaf<infer T> ? T : never> = (value) =>
  value === 'BucketOwnerEnforced' || value === 'BucketOwnerPreferred' || value === 'ObjectWriter'
    ? { ok: value }
    : { error: `is ${JSON.stringify(value)}, not an object ownership setting` };

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const group = (grantee: string, permission: AclGrant['permission']): AclGrant => ({
  grantee_type: 'Group',
  grantee,
  permission,
});

/** The grants each canned ACL adds besides the owner's full control. */
const CANNED_ACLS: Record<string, AclGrant[]> = {
  Private: [],
  BucketOwnerRead: [],
  BucketOwnerFullControl: [],
  AwsExecRead: [],
  PublicRead: [group(ALL_USERS, 'READ')],
  PublicReadWrite: [group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')],
  AuthenticatedRead: [group(AUTHENTICATED_USERS, 'READ')],
  LogDeliveryWrite: [group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')],
};

const asCannedAcl: Decoder<AclGrant[]> = (value) => {
  if (typeof value === 'string' && value in CANNED_ACLS) return { ok: CANNED_ACLS[value] };
  return { error: `is ${JSON.stringify(value)}, not a canned ACL` };
};

const asRetention: Decoder<ObjectLockRetention | null> = (value) => {
  if (!isRecord(value)) return { error: 'is not a mapping' };
  const mode = value.Mode;
  if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') return { error: `Mode is ${JSON.stringify(mode)}` };
  const days = toNumber(value.Days);
  const years = toNumber(value.Years);
  if (days === undefined && years === undefined) return { error: 'sets neither Days nor Years' };
  return { ok: { mode, days: days ?? (years ?? 0) * 365 } };
};

const asLifecycleRules: Decoder<LifecycleRule[]> = (value) => {
  if (!Array.isArray(value)) return { error: 'is not a list' };
  return {
    ok: value.filter(isRecord).map((rule) => {
      const unresolved = Object.entries(rule)
        .filter(([, item]) => isUnresolved(item))
        .map(([key]) => key);
      const noncurrent = isRecord(rule.NoncurrentVersionExpiration)
        ? toNumber(rule.NoncurrentVersionExpiration.NoncurrentDays)
        : toNumber(rule.NoncurrentVersionExpirationInDays);
      return {
        id: typeof rule.Id === 'string' ? rule.Id : null,
        enabled: rule.Status === 'Enabled',
        prefix: typeof rule.Prefix === 'string' ? rule.Prefix : '',
        expiration_days: toNumber(rule.ExpirationInDays) ?? null,
        noncurrent_expiration_days: noncurrent ?? null,
        unresolved,
      };
    }),
  };
};

const asReplicationRules: Decoder<ReplicationRule[]> = (value) => {
  if (!Array.isArray(value)) return { error: 'is not a list' };
  return {
    ok: value.filter(isRecord).map((rule) => {
      const destination = isRecord(rule.Destination) ? rule.Destination.Bucket : undefined;
      const unresolved = isUnresolved(destination) ? ['Destination.Bucket'] : [];
      return {
        id: typeof rule.Id === 'string' ? rule.Id : null,
        enabled: rule.Status === 'Enabled',
        destination_bucket_arn: typeof destination === 'string' ? destination : null,
        destination_region: null,
        unresolved,
      };
    }),
  };
};
