import type { Finding } from './finding';
import { fingerprintOf } from './fingerprint';

/**
 * The findings with each finding about something other than a resource (an attested control, which
 * every template of a scan judges alike) kept once. Findings about resources, and the findings about a
 * whole target (`*`, one per template), are never merged.
 */
export function withoutRepeatedScopeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (finding.resource.kind !== 'scope' || finding.resource.id === '*') return true;
    const key = JSON.stringify([fingerprintOf(finding), finding.status, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
