import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GLOBAL_REGION, type ClientSet } from './client-set';
import { listAll } from './collect-context';
import type { AccountScope } from './collect-context';
import type { LiveCaller } from './live-caller';

/** Which accounts to scan: the current credentials' account, roles to assume, or an organization's members. */
export type AccountSelection =
  | { kind: 'current' }
  | { kind: 'roles'; roleArns: string[] }
  | { kind: 'organization'; roleName: string };

/** An account that could not be reached; the others are still scanned. */
export interface UnreachableAccount {
  target: string;
  reason: string;
}

const SESSION_NAME = 'lexguard-scan';

/** Resolves the selection into reachable accounts, each with its clients, and the ones that could not be reached. */
export async function resolveAccounts(
  selection: AccountSelection,
  caller: LiveCaller,
  clients: ClientSet,
): Promise<{ accounts: AccountScope[]; unreachable: UnreachableAccount[] }> {
  const unreachable: UnreachableAccount[] = [];
  const identity = await caller.send('sts:GetCallerIdentity', (s) =>
    clients.sts().send(new GetCallerIdentityCommand({}), { abortSignal: s }),
  );
  if (identity.kind !== 'ok' || !identity.output.Account) {
    const reason = identity.kind === 'failed' ? identity.reason : 'sts:GetCallerIdentity named no account';
    return { accounts: [], unreachable: [{ target: 'the current credentials', reason }] };
  }
  const current = identity.output.Account;
  if (selection.kind === 'current') return { accounts: [{ account: current, clients }], unreachable };

  let roleArns: string[];
  if (selection.kind === 'roles') {
    roleArns = selection.roleArns;
  } else {
    const listed = await organizationAccounts(caller, clients);
    if (listed.failure) unreachable.push({ target: 'the organization', reason: listed.failure });
    roleArns = listed.accounts
      .filter((id) => id !== current)
      .map((id) => `arn:aws:iam::${id}:role/${selection.roleName}`);
  }
  const accounts: AccountScope[] = selection.kind === 'organization' ? [{ account: current, clients }] : [];
  for (const roleArn of roleArns) {
    const assumed = await caller.send('sts:AssumeRole', (s) =>
      clients
        .sts()
        .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: SESSION_NAME }), { abortSignal: s }),
    );
    const credentials = assumed.kind === 'ok' ? assumed.output.Credentials : undefined;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
      unreachable.push({
        target: roleArn,
        reason: assumed.kind === 'failed' ? assumed.reason : 'sts:AssumeRole returned no credentials',
      });
      continue;
    }
    accounts.push({
      account: roleArn.split(':')[4],
      clients: clients.withCredentials({
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        ...(credentials.Expiration ? { expiration: new Date(credentials.Expiration) } : {}),
      }),
    });
  }
  return { accounts, unreachable };
}

/**
 * The organization's accounts that are not suspended, from `organizations:ListAccounts` (the management
 * account or a delegated administrator may call it), and why the listing is incomplete when it is.
 */
export async function organizationAccounts(
  caller: LiveCaller,
  clients: ClientSet,
): Promise<{ accounts: string[]; failure?: string }> {
  const listed = await listAll(
    caller,
    'organizations:ListAccounts',
    (NextToken, s) =>
      clients.organizations().send(new ListAccountsCommand({ NextToken }), { abortSignal: s }),
    (output) => ({ items: output.Accounts, next: output.NextToken }),
  );
  const accounts = listed.items
    .filter((account) => account.Id && account.Status !== 'SUSPENDED')
    .map((account) => account.Id ?? '');
  if (listed.failure?.kind === 'failed') return { accounts, failure: listed.failure.reason };
  return { accounts };
}

/** The regions enabled for the account (`ec2:DescribeRegions` lists only enabled ones by default). */
export async function enabledRegions(
  caller: LiveCaller,
  scope: AccountScope,
  homeRegion: string,
): Promise<{ regions: string[] } | { reason: string }> {
  const result = await caller.send('ec2:DescribeRegions', (s) =>
    scope.clients.ec2(homeRegion).send(new DescribeRegionsCommand({}), { abortSignal: s }),
  );
  if (result.kind !== 'ok') return { reason: result.kind === 'failed' ? result.reason : 'no regions' };
  return {
    regions: (result.output.Regions ?? [])
      .map((region) => region.RegionName ?? '')
      .filter(Boolean)
      .sort(),
  };
}

/** The region the standard AWS configuration names (environment or profile), else us-east-1. */
export async function defaultRegion(): Promise<string> {
  try {
    const client = new STSClient({});
    const region = await client.config.region();
    client.destroy();
    return region || GLOBAL_REGION;
  } catch {
    return GLOBAL_REGION;
  }
}
