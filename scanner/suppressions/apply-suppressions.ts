import picomatch from 'picomatch';
import type { Finding, Waiver } from '../findings/finding';
import type { SuppressionUse } from '../findings/scan-report';
import { describeOrigin, describeScope, type Suppression } from './suppression';

export interface AppliedSuppressions {
  findings: Finding[];
  /** Every suppression, in the order given, with its state and how many findings it matched. */
  uses: SuppressionUse[];
}

/** The statuses a suppression may accept. A PASS needs none; an ERROR is a broken rule, never waived. */
const WAIVABLE = new Set(['FAIL', 'UNKNOWN']);

interface Candidate {
  suppression: Suppression;
  expired: boolean;
  covers: (finding: Finding) => boolean;
  matched: number;
}

/**
 * Applies suppressions to findings, for every source alike: a FAIL or UNKNOWN covered by a suppression in
 * force becomes WAIVED with the waiver's reason, owner, expiry and source; one covered only by expired
 * suppressions keeps its status and carries the lapsed waiver, so reports say why it fails again.
 *
 * @param today the scan's date, YYYY-MM-DD (UTC): a suppression holds through its `expires` day.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  today: string,
): AppliedSuppressions {
  const candidates: Candidate[] = suppressions.map((suppression) => ({
    suppression,
    expired: suppression.expires < today,
    covers: coverage(suppression),
    matched: 0,
  }));
  const byRule = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    byRule.set(candidate.suppression.rule, [...(byRule.get(candidate.suppression.rule) ?? []), candidate]);
  }
  const applied = findings.map((finding) => {
    if (!WAIVABLE.has(finding.status)) return finding;
    const matching = (byRule.get(finding.rule_id) ?? []).filter((candidate) => candidate.covers(finding));
    for (const candidate of matching) candidate.matched++;
    const active = matching.find((candidate) => !candidate.expired);
    if (active) return { ...finding, status: 'WAIVED' as const, waiver: waiverOf(active.suppression) };
    const lapsed = matching[0];
    return lapsed ? { ...finding, lapsed_waiver: waiverOf(lapsed.suppression) } : finding;
  });
  return {
    findings: applied,
    uses: candidates.map(({ suppression, expired, matched }) => ({
      rule: suppression.rule,
      reason: suppression.reason,
      owner: suppression.owner,
      expires: suppression.expires,
      source: describeOrigin(suppression.origin),
      covers: describeScope(suppression.scope),
      state: expired ? 'expired' : 'active',
      matched,
    })),
  };
}

function waiverOf(suppression: Suppression): Waiver {
  return {
    reason: suppression.reason,
    owner: suppression.owner,
    expires: suppression.expires,
    source: describeOrigin(suppression.origin),
    written_in: suppression.scope.kind === 'resource' ? 'resource_metadata' : 'suppressions_file',
  };
}

/** A test of whether a suppression covers a finding; globs compiled once. */
function coverage(suppression: Suppression): (finding: Finding) => boolean {
  const { scope } = suppression;
  if (scope.kind === 'resource') return (finding) => finding.resource.id === scope.resource_id;
  const glob = (pattern: string | undefined): ((value: string | undefined) => boolean) => {
    if (pattern === undefined) return () => true;
    const matches = picomatch(pattern, { dot: true });
    return (value) => value !== undefined && matches(value);
  };
  const resource = glob(scope.resource);
  const logicalId = glob(scope.logical_id);
  const constructPath = glob(scope.construct_path);
  return (finding) => {
    if (finding.resource.id === '*') return false;
    const template = finding.location.kind === 'template' ? finding.location : undefined;
    return (
      resource(finding.resource.id) &&
      logicalId(template?.logical_id) &&
      constructPath(template?.construct_path)
    );
  };
}

/** Today's date in UTC, YYYY-MM-DD, from an ISO timestamp. */
export function dayOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10);
}
