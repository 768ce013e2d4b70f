import {
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListRolesCommand,
  type AttachedPolicy,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type {
  AccessKey,
  IamGroup,
  IamManagedPolicy,
  IamRole,
  IamUser,
  IamUserCredentials,
  InlinePolicy,
} from '../../../model/iam';
import type { Leaf, Link } from '../../../model/leaf';
import type { PolicyDocument } from '../../../model/policy-document';
import type { ApiEvidence } from '../../../model/resource';
import { explicit, linkTo, unknown } from '../../../normalise/leaves';
import { leafFromLeaf, policyDocumentLeaf } from '../../../normalise/live/live-leaf';
import { daysBetween, liveResourceBase, tagMap } from '../../../normalise/live/live-resource';
import { listAll, type CollectContext } from '../collect-context';
import { reportDate, type CredentialReport, type CredentialReportRow } from './credential-report';

const DETAILS = 'iam:GetAccountAuthorizationDetails';

/**
 * IAM users, groups, roles and customer managed policies, with inline and attached policies and their
 * default versions, from `GetAccountAuthorizationDetails` (one paginated listing instead of several calls
 * per principal); role session limits from `ListRoles`; users' credentials from the credential report; and
 * the AWS managed policies the principals attach, read one by one.
 */
export async function collectIam(context: CollectContext, report: CredentialReport): Promise<void> {
  const { caller, scope } = context;
  const iam = scope.clients.iam();
  const [details, roles] = await Promise.all([
    listAll(
      caller,
      DETAILS,
      (Marker, abortSignal) =>
        iam.send(
          new GetAccountAuthorizationDetailsCommand({
            Marker,
            Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'],
          }),
          { abortSignal },
        ),
      (output) => ({ items: [output], next: output.IsTruncated ? output.Marker : undefined }),
    ),
    listAll(
      caller,
      'iam:ListRoles',
      (Marker, abortSignal) => iam.send(new ListRolesCommand({ Marker }), { abortSignal }),
      (output) => ({ items: output.Roles, next: output.IsTruncated ? output.Marker : undefined }),
    ),
  ]);
  for (const collection of ['iam_users', 'iam_groups', 'iam_roles', 'iam_managed_policies'] as const)
    context.listing.record(collection, details.failure ?? details.results[0]);
  const evidence = details.results.map((result) => result.evidence);
  const sessionLimits = new Map(roles.items.map((role) => [role.Arn ?? '', role.MaxSessionDuration]));
  const rows = new Map(report.kind === 'ok' ? report.rows.map((row) => [row.arn, row]) : []);
  const add = { account: scope.account, region: 'global' };
  const attached = new Set<string>();
  const noteAttached = (policies: AttachedPolicy[] | undefined): void =>
    policies?.forEach((policy) => policy.PolicyArn && attached.add(policy.PolicyArn));

  for (const page of details.items) {
    for (const user of page.UserDetailList ?? []) {
      if (!user.Arn || !user.UserName) continue;
      noteAttached(user.AttachedManagedPolicies);
      const model: IamUser = {
        ...liveResourceBase(
          'iam_user',
          { ...add, arn: user.Arn, name: user.UserName },
          explicit(tagMap(user.Tags), { call: DETAILS }),
          evidence,
          DETAILS,
        ),
        ...principalPolicies(
          user.UserPolicyList,
          user.AttachedManagedPolicies,
          user.PermissionsBoundary?.PermissionsBoundaryArn,
        ),
        groups: explicit(groupLinks(user, scope.account), { call: DETAILS }),
        credentials: credentialsOf(user.Arn, rows, report, context.scannedAt),
      };
      context.model.iam_users[model.id] = model;
    }
    for (const group of page.GroupDetailList ?? []) {
      if (!group.Arn || !group.GroupName) continue;
      noteAttached(group.AttachedManagedPolicies);
      const model: IamGroup = {
        // Groups carry no tags in IAM; members are filled in by the linking pass from the users' side.
        ...liveResourceBase(
          'iam_group',
          { ...add, arn: group.Arn, name: group.GroupName },
          explicit({}, { call: DETAILS }),
          evidence,
          DETAILS,
        ),
        ...principalPolicies(group.GroupPolicyList, group.AttachedManagedPolicies, undefined),
        members: explicit([], { call: DETAILS }),
      };
      context.model.iam_groups[model.id] = model;
    }
    for (const role of page.RoleDetailList ?? []) {
      if (!role.Arn || !role.RoleName) continue;
      noteAttached(role.AttachedManagedPolicies);
      context.model.iam_roles[role.Arn] = roleOf(
        role,
        add,
        evidence,
        sessionLimits,
        roles.failure?.kind === 'failed' ? roles.failure.reason : undefined,
      );
    }
    for (const policy of page.Policies ?? []) {
      if (!policy.Arn) continue;
      context.model.iam_managed_policies[policy.Arn] = managedPolicyOf(policy, add, evidence);
    }
  }
  await Promise.all(
    [...attached]
      .filter((arn) => !(arn in context.model.iam_managed_policies))
      .map((arn) => collectAwsManagedPolicy(context, arn)),
  );
}

function principalPolicies(
  inline: PolicyDetail[] | undefined,
  attached: AttachedPolicy[] | undefined,
  boundary: string | undefined,
): Pick<IamUser, 'inline_policies' | 'managed_policies' | 'permissions_boundary'> {
  const at = { call: DETAILS };
  return {
    inline_policies: explicit(
      (inline ?? []).map(
        (policy): InlinePolicy => ({
          name: policy.PolicyName ?? '',
          document: documentOf(policy.PolicyDocument),
        }),
      ),
      at,
    ),
    managed_policies: explicit(
      (attached ?? [])
        .filter((policy) => policy.PolicyArn)
        .map((policy): Link => linkTo(explicit(policy.PolicyArn ?? null, at))),
      at,
    ),
    permissions_boundary: linkTo(explicit(boundary ?? null, at)),
  };
}

/** IAM returns policy documents URL-encoded. */
function documentOf(encoded: string | undefined): Leaf<PolicyDocument> {
  const leaf = policyDocumentLeaf(encoded === undefined ? undefined : decodeURIComponent(encoded));
  if (leaf.state === 'unknown') return { ...leaf, at: { call: DETAILS } };
  return leaf.value === null
    ? unknown('IAM returned no policy document', { call: DETAILS })
    : explicit(leaf.value, { call: DETAILS });
}

function groupLinks(user: UserDetail, account: string): Link[] {
  return (user.GroupList ?? []).map((name) =>
    linkTo(explicit(`arn:aws:iam::${account}:group/${name}`, { call: DETAILS })),
  );
}

function roleOf(
  role: RoleDetail,
  base: { account: string; region: string },
  evidence: ApiEvidence[],
  sessionLimits: Map<string, number | undefined>,
  listFailure: string | undefined,
): IamRole {
  const arn = role.Arn ?? '';
  const limit = sessionLimits.get(arn);
  return {
    ...liveResourceBase(
      'iam_role',
      { ...base, arn, name: role.RoleName ?? '' },
      explicit(tagMap(role.Tags), { call: DETAILS }),
      evidence,
      DETAILS,
    ),
    ...principalPolicies(
      role.RolePolicyList,
      role.AttachedManagedPolicies,
      role.PermissionsBoundary?.PermissionsBoundaryArn,
    ),
    trust_policy: documentOf(role.AssumeRolePolicyDocument),
    max_session_seconds:
      limit !== undefined
        ? explicit(limit, { call: 'iam:ListRoles' })
        : unknown(listFailure ?? 'iam:ListRoles did not list the role', { call: 'iam:ListRoles' }),
    path: explicit(role.Path ?? '/', { call: DETAILS }),
  };
}

function managedPolicyOf(
  policy: ManagedPolicyDetail,
  base: { account: string; region: string },
  evidence: ApiEvidence[],
): IamManagedPolicy {
  const version = policy.PolicyVersionList?.find((item) => item.IsDefaultVersion);
  return {
    // Tags of managed policies are not read: no rule asks for them.
    ...liveResourceBase(
      'iam_managed_policy',
      { ...base, arn: policy.Arn ?? '', name: policy.PolicyName ?? nameOfArn(policy.Arn ?? '') },
      unknown('lexguard does not read the tags of managed policies'),
      evidence,
      DETAILS,
    ),
    aws_managed: false,
    document: version
      ? documentOf(version.Document)
      : unknown('IAM listed no default version of the policy', { call: DETAILS }),
  };
}

/** An AWS managed policy a principal attaches: its default version's document. */
async function collectAwsManagedPolicy(context: CollectContext, arn: string): Promise<void> {
  const { caller, scope } = context;
  const iam = scope.clients.iam();
  const policy = await caller.send('iam:GetPolicy', (s) =>
    iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: s }),
  );
  const evidence: ApiEvidence[] = [policy.evidence];
  let document: Leaf<PolicyDocument> = leafFromLeaf(policy, () => unknown('no default version'));
  const versionId = policy.kind === 'ok' ? policy.output.Policy?.DefaultVersionId : undefined;
  if (versionId) {
    const version = await caller.send('iam:GetPolicyVersion', (s) =>
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), { abortSignal: s }),
    );
    evidence.push(version.evidence);
    document = leafFromLeaf(version, (output) => {
      const leaf = documentOf(output.PolicyVersion?.Document);
      return leaf;
    });
  }
  const name = nameOfArn(arn);
  context.model.iam_managed_policies[arn] = {
    ...liveResourceBase(
      'iam_managed_policy',
      { arn, name, account: scope.account, region: 'global' },
      explicit({}),
      evidence,
      'iam:GetPolicy',
    ),
    aws_managed: arn.startsWith('arn:aws:iam::aws:policy/'),
    document,
  };
}

/** A user's password and access keys as the credential report shows them, with ages against the scan time. */
function credentialsOf(
  arn: string,
  rows: Map<string, CredentialReportRow>,
  report: CredentialReport,
  now: Date,
): IamUserCredentials {
  const at = { call: report.call };
  if (report.kind === 'failed') {
    const missing = unknown(report.reason, at);
    return {
      password_enabled: missing,
      password_unused_days: missing,
      password_age_days: missing,
      mfa_active: missing,
      access_keys: missing,
    };
  }
  const row = rows.get(arn);
  if (!row) {
    const missing = unknown(
      'the user is not in the credential report yet (it was created after the report)',
      at,
    );
    return {
      password_enabled: missing,
      password_unused_days: missing,
      password_age_days: missing,
      mfa_active: missing,
      access_keys: missing,
    };
  }
  return {
    password_enabled: explicit(row.password_enabled === 'true', at),
    password_unused_days: explicit(unusedDays(row.password_last_used, now), at),
    // `N/A` for a user without a password; a never-used password has been unused since it was set.
    password_age_days: explicit(unusedDays(row.password_last_changed, now), at),
    mfa_active: explicit(row.mfa_active === 'true', at),
    access_keys: explicit(accessKeysOf(row, now), at),
  };
}

export function unusedDays(lastUsed: string | undefined, now: Date): number | null {
  const date = reportDate(lastUsed);
  return date ? daysBetween(date, now) : null;
}

/** The report's two access key slots; a key's id is not in the report, so it is named by its slot. */
export function accessKeysOf(row: CredentialReportRow, now: Date): AccessKey[] {
  const keys: AccessKey[] = [];
  for (const slot of [1, 2]) {
    const rotated = reportDate(row[`access_key_${slot}_last_rotated`]);
    if (!rotated) continue;
    keys.push({
      id: `access_key_${slot}`,
      active: row[`access_key_${slot}_active`] === 'true',
      age_days: daysBetween(rotated, now),
      unused_days: unusedDays(row[`access_key_${slot}_last_used_date`], now),
    });
  }
  return keys;
}

/** `arn:aws:iam::111122223333:policy/path/name` → `name`; for a policy whose listing omits its name. */
function nameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
