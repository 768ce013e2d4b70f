import { LIVE_CALLS, type LiveFeature } from './calls';

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }>;
}

/**
 * The least-privilege IAM policy a scanning role needs, derived from the declared list of calls the
 * collectors make (`calls.ts`) rather than written by hand: one read-only statement per feature asked for.
 */
export function scannerIamPolicy(features: readonly LiveFeature[] = ['scan']): IamPolicyDocument {
  const statements: IamPolicyDocument['Statement'] = [];
  for (const feature of features) {
    const actions = [
      ...new Set(LIVE_CALLS.filter((call) => call.feature === feature).map((call) => call.action)),
    ].sort();
    if (actions.length > 0)
      statements.push({
        Sid: `Lexguard${SID_SUFFIX[feature]}`,
        Effect: 'Allow',
        Action: actions,
        Resource: '*',
      });
  }
  return { Version: '2012-10-17', Statement: statements };
}

const SID_SUFFIX: Record<LiveFeature, string> = {
  scan: 'LiveScanReadOnly',
  'assume-roles': 'AssumeScannerRoles',
  organizations: 'OrganizationListing',
  drift: 'DriftReadOnly',
};
