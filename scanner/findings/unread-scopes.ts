import type { Finding } from './finding';
import type { ScanReport } from './scan-report';

/**
 * A part of the estate a scan was meant to read and could not: one region of an account, or (region
 * `global`) what belongs to the account as a whole, such as IAM.
 */
export interface UnreadScope {
  account: string;
  region: string;
  reason: string;
}

/**
 * The previous scan's findings on resources in scopes this scan could not read, each turned UNKNOWN with
 * the reason. A resource nobody could look at this time is neither fixed nor passing: carried forward,
 * its open findings keep their first-seen date (the history dates them by fingerprint) and a control
 * that passed before shows as unverified. NOT_APPLICABLE findings are not carried: they assess nothing.
 */
export function carryUnreadScopes(
  previous: ScanReport | undefined,
  unread: readonly UnreadScope[],
): Finding[] {
  if (!previous || unread.length === 0) return [];
  const reasons = new Map(unread.map((scope) => [`${scope.account}/${scope.region}`, scope.reason]));
  const carried: Finding[] = [];
  for (const finding of previous.findings) {
    if (finding.location.kind !== 'live' || finding.status === 'NOT_APPLICABLE') continue;
    const reason = reasons.get(`${finding.location.account}/${finding.location.region}`);
    if (reason === undefined) continue;
    const { waiver: _waiver, lapsed_waiver: _lapsed, ...rest } = finding;
    carried.push({
      ...rest,
      status: 'UNKNOWN',
      message: `not read in this scan (${reason}); the previous scan said ${finding.status}: ${finding.message}`,
    });
  }
  return carried;
}
