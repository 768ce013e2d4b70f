import type { ResourceCollection } from '../../model/model';
import { parseToken, resourceToken } from '../../sources/template/resolve/tokens';
import { parseArn } from './arn';

/** How resources of one collection are referred to, besides by `Ref`. */
interface ReferenceGrammar {
  /** The ARN's service field, e.g. `logs`. */
  service: string;
  /** The name or id an ARN's resource field holds, or `undefined` for an ARN of another kind of resource. */
  nameIn(resource: string, account: string): string | undefined;
  /** `Fn::GetAtt` attributes that stand for the resource itself (its name, id or ARN). */
  attributes: readonly string[];
}

/** Template tokens hold a colon of their own; a test for separators must look past them. */
const withoutTokens = (text: string): string => text.replace(/\{\{[^}]*\}\}/g, '');

const after =
  (prefix: string) =>
  (resource: string): string | undefined =>
    resource.startsWith(prefix) ? resource.slice(prefix.length) : undefined;

/** IAM ARNs carry a path before the name (`role/ops/Admin`); names are unique whatever the path. */
const iamName =
  (type: string) =>
  (resource: string): string | undefined =>
    resource.startsWith(`${type}/`) ? resource.slice(resource.lastIndexOf('/') + 1) : undefined;

const GRAMMARS: Partial<Record<ResourceCollection, ReferenceGrammar>> = {
  s3_buckets: {
    service: 's3',
    // An ARN with a `/` names objects, not the bucket.
    nameIn: (resource) => (resource.includes('/') ? undefined : resource),
    attributes: ['Arn'],
  },
  kms_keys: {
    service: 'kms',
    // Aliases are indexed as `alias/<name>`, the form `Ref` of an alias and `KeyId` properties use.
    nameIn: (resource) => after('key/')(resource) ?? (resource.startsWith('alias/') ? resource : undefined),
    attributes: ['Arn', 'KeyId'],
  },
  cloudtrail_trails: { service: 'cloudtrail', nameIn: after('trail/'), attributes: ['Arn'] },
  iam_users: { service: 'iam', nameIn: iamName('user'), attributes: ['Arn'] },
  iam_groups: { service: 'iam', nameIn: iamName('group'), attributes: ['Arn'] },
  iam_roles: { service: 'iam', nameIn: iamName('role'), attributes: ['Arn', 'RoleId'] },
  iam_managed_policies: {
    service: 'iam',
    // An AWS managed policy is known by its whole ARN: a customer policy may bear the same name.
    nameIn: (resource, account) => (account === 'aws' ? undefined : iamName('policy')(resource)),
    attributes: ['PolicyArn', 'Id'],
  },
  backup_vaults: {
    service: 'backup',
    nameIn: after('backup-vault:'),
    attributes: ['BackupVaultName', 'BackupVaultArn'],
  },
  backup_plans: {
    service: 'backup',
    nameIn: after('backup-plan:'),
    attributes: ['BackupPlanId', 'BackupPlanArn'],
  },
  cloudwatch_alarms: { service: 'cloudwatch', nameIn: after('alarm:'), attributes: ['Arn'] },
  sns_topics: {
    service: 'sns',
    // A topic ARN's resource is the bare name; a longer one names a subscription.
    nameIn: (resource) => (withoutTokens(resource).includes(':') ? undefined : resource),
    attributes: ['TopicArn', 'TopicName'],
  },
  logs_log_groups: {
    service: 'logs',
    // `Fn::GetAtt LogGroup.Arn` ends in `:*`; CloudTrail and IAM policies write it with or without.
    nameIn: (resource) => after('log-group:')(resource)?.replace(/:\*$/, ''),
    attributes: ['Arn'],
  },
};

/**
 * The one form under which a reference to a resource of `collection` is looked up, whatever way the
 * template or API spelled it: `Fn::GetAtt Docs.Arn`, `arn:aws:s3:::{{lexguard:Docs}}` (a `Fn::Join` or
 * `Fn::Sub` of `Ref Docs`) and `Ref Docs` all become `{{lexguard:Docs}}`; `arn:aws:s3:::docs` becomes
 * `docs`. `undefined` when the reference cannot name such a resource (an attribute such as
 * `Docs.DomainName`, an object ARN, an ARN of another service).
 */
export function canonicalReference(reference: string, collection: ResourceCollection): string | undefined {
  const grammar = GRAMMARS[collection];
  const token = parseToken(reference);
  if (token) {
    const identity = !token.attribute || (grammar?.attributes.includes(token.attribute) ?? false);
    return identity ? resourceToken(token.logicalId, undefined, token.scope) : undefined;
  }
  const arn = parseArn(reference);
  if (!arn || !grammar) return reference;
  if (arn.service !== grammar.service) return undefined;
  const name = grammar.nameIn(arn.resource, arn.account);
  if (name === undefined) return reference;
  return name === '' ? undefined : canonicalReference(name, collection);
}
