import { describeLocation, targetOf } from '../reporters/describe';
import type { Finding } from '../findings/finding';
import type { Evidence } from './audit-report';

/** Where a finding belongs and what it rests on, as the audit report shows it. */
export interface FindingPlace {
  scope: string;
  account?: string;
  region?: string;
  where: string;
  evidence: Evidence;
}

export function placeOf(finding: Finding): FindingPlace {
  const { location } = finding;
  const base = { scope: targetOf(location), where: describeLocation(finding) };
  if (location.kind === 'live') {
    return {
      ...base,
      account: location.account,
      region: location.region,
      evidence: {
        kind: 'live',
        arn: location.arn,
        ...(location.call ? { call: location.call } : {}),
        calls: location.evidence.map((call) => ({ ...call })),
      },
    };
  }
  if (location.kind === 'template') {
    const { kind: _kind, ...template } = location;
    return { ...base, evidence: { kind: 'template', ...template } };
  }
  return { ...base, evidence: { kind: 'scope', target: location.target } };
}
