import type { Finding } from '../../scanner/findings/finding';
import type { ScanReport } from '../../scanner/findings/scan-report';
import type { Severity } from '../../scanner/findings/severity';
import type { Status } from '../../scanner/findings/status';
import { summarise } from '../../scanner/findings/summary';
import type { ResourceKind } from '../../scanner/model/resource';
import { seededRandom } from './seeded-random';

interface SyntheticRule {
  id: string;
  title: string;
  severity: Severity;
  clauses: string[];
  kind: ResourceKind;
  frameworks: Record<string, string[]>;
}

/** Rules shaped like lexguard's, across clauses, severities and kinds, with framework mappings. */
const RULES: SyntheticRule[] = [
  {
    id: 'LG-S3-001',
    title: 'Default encryption with a customer managed key',
    severity: 'HIGH',
    clauses: ['CP-01'],
    kind: 's3_bucket',
    frameworks: { 'ISO 27001': ['A.8.24'], 'SOC 2': ['CC6.1'] },
  },
  {
    id: 'LG-S3-003',
    title: 'Bucket policy denies requests without TLS',
    severity: 'HIGH',
    clauses: ['CP-02'],
    kind: 's3_bucket',
    frameworks: { 'ISO 27001': ['A.8.24'], 'SOC 2': ['CC6.7'] },
  },
  {
    id: 'LG-S3-005',
    title: 'Block Public Access on all four settings',
    severity: 'CRITICAL',
    clauses: ['CP-07'],
    kind: 's3_bucket',
    frameworks: { 'ISO 27001': ['A.8.3'], 'SOC 2': ['CC6.1'] },
  },
  {
    id: 'LG-S3-008',
    title: 'Versioning and Object Lock on record buckets',
    severity: 'MEDIUM',
    clauses: ['CP-10', 'CP-11'],
    kind: 's3_bucket',
    frameworks: { 'ISO 27001': ['A.8.13'] },
  },
  {
    id: 'LG-S3-010',
    title: 'Data stores carry classification and owner tags',
    severity: 'LOW',
    clauses: ['CP-13'],
    kind: 's3_bucket',
    frameworks: { 'ISO 27001': ['A.5.12'] },
  },
  {
    id: 'LG-S3-012',
    title: 'Buckets only in approved regions',
    severity: 'HIGH',
    clauses: ['CP-12'],
    kind: 's3_bucket',
    frameworks: { GDPR: ['Art. 44'] },
  },
  {
    id: 'LG-KMS-001',
    title: 'Customer managed keys rotate automatically',
    severity: 'MEDIUM',
    clauses: ['CP-03'],
    kind: 'kms_key',
    frameworks: { 'ISO 27001': ['A.8.24'], 'SOC 2': ['CC6.1'] },
  },
  {
    id: 'LG-KMS-002',
    title: 'Key policies name their principals',
    severity: 'HIGH',
    clauses: ['CP-03', 'CP-04'],
    kind: 'kms_key',
    frameworks: { 'SOC 2': ['CC6.3'] },
  },
  {
    id: 'LG-IAM-001',
    title: 'People get access through roles, not user policies',
    severity: 'MEDIUM',
    clauses: ['CP-04'],
    kind: 'iam_role',
    frameworks: { 'ISO 27001': ['A.5.15'], 'SOC 2': ['CC6.3'] },
  },
  {
    id: 'LG-IAM-004',
    title: 'Human roles require MFA',
    severity: 'CRITICAL',
    clauses: ['CP-05'],
    kind: 'iam_role',
    frameworks: { 'ISO 27001': ['A.8.5'], 'SOC 2': ['CC6.1'] },
  },
  {
    id: 'LG-CT-001',
    title: 'Multi-region trail with log file validation',
    severity: 'HIGH',
    clauses: ['CP-08'],
    kind: 'cloudtrail_trail',
    frameworks: { 'ISO 27001': ['A.8.15'], 'SOC 2': ['CC7.2'] },
  },
  {
    id: 'LG-CW-002',
    title: 'Alarm on root account use',
    severity: 'MEDIUM',
    clauses: ['CP-09'],
    kind: 'cloudwatch_alarm',
    frameworks: { 'SOC 2': ['CC7.3'] },
  },
];

const ACCOUNTS = ['111122223333', '444455556666'];
const REGIONS = ['eu-west-1', 'eu-central-1'];

/** A small deterministic generator, so every run of a test or benchmark sees the same estate. */
export interface EstateOptions {
  /** About how many findings each scan holds. */
  findings: number;
  seed?: number;
  /** Resource names to use first (e.g. hostile ones), before the generated ones. */
  names?: string[];
}

/**
 * Two live scans of the same estate a week apart: the second fixes some findings, breaks a few others
 * and adds resources. Findings carry API evidence, some are waived, and CP-15 is attested.
 */
export function syntheticScans(options: EstateOptions): { before: ScanReport; after: ScanReport } {
  const next = seededRandom(options.seed ?? 7);
  const perResource = RULES.length / new Set(RULES.map((rule) => rule.kind)).size;
  const resourceCount = Math.max(1, Math.round(options.findings / perResource));
  const kinds = [...new Set(RULES.map((rule) => rule.kind))];
  const resources = Array.from({ length: resourceCount }, (_, i) => {
    const kind = kinds[i % kinds.length];
    const account = ACCOUNTS[i % ACCOUNTS.length];
    const region = REGIONS[Math.floor(i / ACCOUNTS.length) % REGIONS.length];
    const name = options.names?.[i] ?? `${kind.replace('_', '-')}-${String(i).padStart(5, '0')}`;
    return { kind, account, region, name, arn: `arn:aws:${kind.split('_')[0]}:${region}:${account}:${name}` };
  });
  const statusBefore = new Map<string, Status>();
  const scan = (week: number): ScanReport => {
    const findings: Finding[] = [];
    const startedAt = new Date(Date.UTC(2026, 10, 9 + week * 7, 6, 0, 0)).toISOString();
    for (const resource of resources.slice(0, week === 0 ? Math.floor(resources.length * 0.9) : undefined)) {
      for (const rule of RULES.filter((candidate) => candidate.kind === resource.kind)) {
        const key = `${rule.id}|${resource.arn}`;
        const roll = next();
        let status: Status =
          roll < 0.62
            ? 'PASS'
            : roll < 0.84
              ? 'FAIL'
              : roll < 0.93
                ? 'UNKNOWN'
                : roll < 0.97
                  ? 'WAIVED'
                  : 'NOT_APPLICABLE';
        if (week === 1 && statusBefore.has(key)) {
          const before = statusBefore.get(key) as Status;
          // A week later most verdicts stand; some failures are fixed, a few passes regress.
          status =
            before === 'FAIL' && next() < 0.3 ? 'PASS' : before === 'PASS' && next() < 0.03 ? 'FAIL' : before;
        }
        if (week === 0) statusBefore.set(key, status);
        findings.push(finding(rule, resource, status, startedAt));
      }
    }
    return {
      schema_version: '1.0',
      tool: { name: 'lexguard', version: '0.1.0' },
      policy: { digest: '3f9a1c0d'.repeat(8), opa_version: '1.22.2', rules: RULES.length },
      scan: {
        source_kind: 'live',
        started_at: startedAt,
        finished_at: new Date(new Date(startedAt).getTime() + 14 * 60_000).toISOString(),
        targets: ACCOUNTS.flatMap((account) => REGIONS.map((region) => `${account}/${region}`)),
      },
      findings,
      errors: [],
      notes: [],
      suppressions: [],
      not_modelled: { 'AWS::DynamoDB::Table': 3 },
      summary: summarise(findings),
      attestations: {
        'CP-15.training': {
          owner: 'Risk Partner',
          date: '2026-09-30',
          evidence: 'https://intranet.example/attestations/training-2026',
          expires: '2027-09-30',
          days_until_expiry: 300,
        },
      },
    };
  };
  return { before: scan(0), after: scan(1) };
}

function finding(
  rule: SyntheticRule,
  resource: { kind: ResourceKind; account: string; region: string; name: string; arn: string },
  status: Status,
  time: string,
): Finding {
  return {
    rule_id: rule.id,
    title: rule.title,
    severity: rule.severity,
    clauses: rule.clauses,
    frameworks: rule.frameworks,
    status,
    message:
      status === 'PASS'
        ? `${rule.title.toLowerCase()}: holds`
        : status === 'UNKNOWN'
          ? 'AccessDenied: the scanner role may not read this setting'
          : `${resource.name} does not meet: ${rule.title.toLowerCase()}`,
    remediation: `Fix ${rule.title.toLowerCase()}.`,
    resource: { id: resource.arn, kind: resource.kind },
    location: {
      kind: 'live',
      arn: resource.arn,
      account: resource.account,
      region: resource.region,
      call: 's3:GetBucketEncryption',
      evidence: [{ call: 's3:GetBucketEncryption', time, digest: 'a3f1'.repeat(16) }],
    },
    ...(status === 'WAIVED'
      ? {
          waiver: {
            reason: 'legacy matter archive, migration planned for Q1',
            owner: 'it-security@firm.example',
            expires: '2027-03-31',
            source: 'lexguard.suppressions.yaml:12:5',
            written_in: 'suppressions_file' as const,
          },
        }
      : {}),
  };
}
