import type { Finding } from '../../scanner/findings/finding';
import { fingerprintOf } from '../../scanner/findings/fingerprint';
import type { ScanReport } from '../../scanner/findings/scan-report';
import type { Severity } from '../../scanner/findings/severity';
import type { Status } from '../../scanner/findings/status';
import { summarise } from '../../scanner/findings/summary';

export interface FindingSpec {
  rule?: string;
  resource?: string;
  status?: Status;
  severity?: Severity;
  clauses?: string[];
  property?: string;
  message?: string;
}

/** A finding on a template resource, with only what a test cares about spelled out. */
export function templateFinding(spec: FindingSpec = {}): Finding {
  const resource = spec.resource ?? 'stack/DocsBucket';
  return {
    rule_id: spec.rule ?? 'LG-S3-001',
    title: 'S3 buckets encrypt by default with a customer managed KMS key',
    severity: spec.severity ?? 'HIGH',
    clauses: spec.clauses ?? ['CP-01'],
    status: spec.status ?? 'FAIL',
    message: spec.message ?? 'default encryption is AES256',
    remediation: 'Set the default encryption to SSE-KMS with a customer managed key.',
    resource: { id: resource, kind: 's3_bucket' },
    location: {
      kind: 'template',
      file: 'stack.yaml',
      line: 12,
      column: 3,
      logical_id: resource.split('/').pop() ?? resource,
    },
    ...(spec.property ? { property: spec.property } : {}),
  };
}

/** A finding on a live resource, with the API call and response digest behind it. */
export function liveFinding(spec: FindingSpec & { account?: string; region?: string } = {}): Finding {
  const account = spec.account ?? '111122223333';
  const region = spec.region ?? 'eu-west-1';
  const name = spec.resource ?? 'client-docs';
  return {
    ...templateFinding(spec),
    resource: { id: `arn:aws:s3:::${name}`, kind: 's3_bucket' },
    location: {
      kind: 'live',
      arn: `arn:aws:s3:::${name}`,
      account,
      region,
      call: 's3:GetBucketEncryption',
      evidence: [
        {
          call: 's3:GetBucketEncryption',
          time: '2026-11-23T09:15:02.000Z',
          digest: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        },
      ],
    },
  };
}

/** A scan report holding the findings given, started at `startedAt`. */
export function scanReport(findings: Finding[], startedAt = '2026-11-23T09:00:00.000Z'): ScanReport {
  const finished = new Date(new Date(startedAt).getTime() + 60_000).toISOString();
  return {
    schema_version: '1.0',
    tool: { name: 'lexguard', version: '0.1.0' },
    policy: { digest: 'f'.repeat(64), opa_version: '1.22.2', rules: 3 },
    scan: { source_kind: 'template', started_at: startedAt, finished_at: finished, targets: ['stack.yaml'] },
    findings,
    errors: [],
    notes: [],
    suppressions: [],
    not_modelled: {},
    summary: summarise(findings),
  };
}

/** The fingerprint of a `templateFinding` on `resource` (and `property`): its identity across scans. */
export function fingerprintAt(resource: string, property?: string): string {
  return fingerprintOf(templateFinding({ resource, ...(property ? { property } : {}) }));
}
