import { LIVE_CALLS, type LiveFeature } from './calls';

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' | string[] }>;
}

/**
 * The least-privilege IAM policy a scanning role needs, derived from the declared list of calls the
 * collectors make (`calls.ts`) rather than written by hand: one read-only statement per feature asked for.
 * Assuming roles is allowed only on the roles named (`roles`), never on every role: a scanner that may
 * assume any role could take on every role that trusts its account (LG-AUD-001 fails such a policy).
 */
export function scannerIamPolicy(
  features: readonly LiveFeature[] = ['scan'],
  roles: readonly string[] = [],
): IamPolicyDocument {
  const statements: IamPolicyDocument['Statement'] = [];
  for (const feature of features) {
    const actions = [
      ...new Set(LIVE_CALLS.filter((call) => call.feature === feature).map((call) => call.action)),
    ].sort();
    if (feature === 'assume-role' && roles.length === 0) continue;
    if (actions.length > 0)
      statements.push({
        Sid: `Lexguard${SID_SUFFIX[feature]}`,
        Effect: 'Allow',
        Action: actions,
        Resource: feature === 'assume-role' ? [...roles] : '*',
      });
  }
  return { Version: '2012-10-17', Statement: statements };
}

const SID_SUFFIX: Record<LiveFeature, string> = {
  scan: 'LiveScanReadOnly',
  organizations: 'OrganizationListing',
  'assume-role': 'AssumeScanRoles',
  drift: 'DriftReadOnly',
};
