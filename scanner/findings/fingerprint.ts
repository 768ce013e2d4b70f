import { createHash } from 'node:crypto';
import type { Finding } from './finding';

/** Names the fingerprint scheme in SARIF's `partialFingerprints`; bumped if the inputs ever change. */
export const FINGERPRINT_KEY = 'lexguardFinding/v1';

/**
 * A finding's identity across commits: its rule, its resource and the property at fault (and, for a
 * template with undecidable conditions, the scenario), never its line, so moving a resource within a
 * file keeps it the same finding. SARIF's `partialFingerprints` and `--baseline` both match by it.
 */
export function fingerprintOf(
  finding: Pick<Finding, 'rule_id' | 'resource' | 'property' | 'scenario' | 'location'>,
): string {
  // A finding about the scan as a whole has no resource: the scanned target stands in for it.
  const resource =
    finding.resource.id === '*' && finding.location.kind === 'scope'
      ? `*@${finding.location.target}`
      : finding.resource.id;
  const identity = JSON.stringify([
    finding.rule_id,
    resource,
    finding.property ?? '',
    finding.scenario ?? '',
  ]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
