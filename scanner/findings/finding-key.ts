import type { Finding } from './finding';

/**
 * A finding's identity across scans: the rule, the resource and the property at fault. The same key
 * names the same defect in yesterday's scan and today's, whatever its status, message or line number, so
 * history (first seen, fixed, regressed), baselines and SARIF fingerprints all compare findings by it.
 */
export function findingKey(finding: Pick<Finding, 'rule_id' | 'resource' | 'property'>): string {
  return [finding.rule_id, finding.resource.id, finding.property ?? ''].join('|');
}
