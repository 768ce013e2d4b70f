import type { Finding } from '../../scanner/findings/finding';

/** A finding of LG-S3-001 on bucket `b`, with the fields a test cares about overridden. */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule_id: 'LG-S3-001',
    title: 't',
    severity: 'HIGH',
    clauses: ['CP-01'],
    status: 'FAIL',
    message: 'm',
    remediation: 'r',
    resource: { id: 'b', kind: 's3_bucket' },
    location: { kind: 'scope', target: 'x' },
    ...overrides,
  };
}
