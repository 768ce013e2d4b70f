import type { Finding } from '../../scanner/findings/finding';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { summarise } from '../../scanner/findings/summary';

/**
 * A fixed scan report with one finding of every status, a waiver from each kind of suppression, a lapsed
 * waiver, an input error, a note, an unused suppression, and values a hostile template could carry
 * (Markdown, HTML and XML metacharacters). Reporter snapshot tests render it, so their snapshots change
 * only when a reporter does, never when a rule does.
 */
const encryption = {
  rule_id: 'LG-S3-001',
  title: 'S3 buckets encrypt by default with a customer managed KMS key',
  severity: 'HIGH',
  clauses: ['CP-01'],
  remediation: "Set the bucket's default encryption to SSE-KMS with a customer managed key.",
} as const;

const rotation = {
  rule_id: 'LG-KMS-001',
  title: 'Customer managed keys rotate automatically',
  severity: 'MEDIUM',
  clauses: ['CP-03'],
  remediation: 'Enable automatic key rotation (EnableKeyRotation: true).',
} as const;

function templateFinding(
  logicalId: string,
  line: number,
  fields: Pick<Finding, 'status' | 'message'> & Partial<Finding>,
  rule: typeof encryption | typeof rotation = encryption,
): Finding {
  return {
    ...rule,
    clauses: [...rule.clauses],
    resource: { id: `store/${logicalId}`, kind: rule === encryption ? 's3_bucket' : 'kms_key' },
    location: {
      kind: 'template',
      file: 'templates/store.yaml',
      line,
      column: 3,
      logical_id: logicalId,
      construct_path: `DocumentStore/${logicalId}/Resource`,
      property_path: 'Properties.BucketEncryption',
    },
    property: 'encryption.algorithm',
    ...fields,
  };
}

const findings: Finding[] = [
  templateFinding('PlainBucket', 12, {
    status: 'FAIL',
    message: 'default encryption is AES256, not SSE-KMS',
  }),
  templateFinding('Hostile|Bucket', 20, {
    status: 'FAIL',
    message:
      'name <img src=x onerror=alert(1)> [click](https://evil.example) *bold* `code` & "quotes" | pipe\nnewline',
  }),
  templateFinding('ImportedKeyBucket', 30, {
    status: 'UNKNOWN',
    message: 'encryption.kms_key could not be determined: Fn::ImportValue SharedDocumentsKeyArn',
  }),
  templateFinding('MigrationBucket', 40, {
    status: 'WAIVED',
    message: 'default encryption is AES256, not SSE-KMS',
    waiver: {
      reason: 'vendor replica; key migration tracked in RISK-12',
      owner: 'platform-team',
      expires: '2026-12-31',
      source: 'templates/store.yaml:44:9 (Metadata of MigrationBucket)',
      written_in: 'resource_metadata',
    },
  }),
  templateFinding('LegacyBucket', 50, {
    status: 'FAIL',
    message: 'default encryption is AES256, not SSE-KMS',
    lapsed_waiver: {
      reason: 'decommissioned by Q3',
      owner: 'records-team',
      expires: '2026-09-30',
      source: 'lexguard.suppressions.yaml:3:5',
      written_in: 'suppressions_file',
    },
  }),
  templateFinding('DocumentsKey', 60, { status: 'PASS', message: 'the key rotates automatically' }, rotation),
  templateFinding('StaticKey', 70, { status: 'FAIL', message: 'automatic rotation is off' }, rotation),
  {
    ...rotation,
    clauses: [...rotation.clauses],
    status: 'NOT_APPLICABLE',
    message: 'asymmetric keys cannot rotate automatically',
    resource: { id: 'store/SigningKey', kind: 'kms_key' },
    location: {
      kind: 'template',
      file: 'templates/store.yaml',
      line: 80,
      column: 3,
      logical_id: 'SigningKey',
    },
  },
  {
    rule_id: 'LG-S3-003',
    title: 'Bucket policies deny requests without TLS',
    severity: 'HIGH',
    clauses: ['CP-02'],
    remediation: 'Add a statement denying aws:SecureTransport false.',
    status: 'ERROR',
    message: 'rule LG-S3-003 could not be evaluated: not implemented: built-in function object.keys',
    resource: { id: '*', kind: 'scope' },
    location: { kind: 'scope', target: 'templates/store.yaml' },
  },
];

export const SAMPLE_REPORT: ScanReport = {
  schema_version: '1.0',
  tool: { name: 'lexguard', version: '0.1.0' },
  policy: { digest: '0123456789abcdef0123456789abcdef', opa_version: '1.22.2', rules: 3 },
  scan: {
    source_kind: 'template',
    started_at: '2026-11-23T09:00:00.000Z',
    finished_at: '2026-11-23T09:00:01.000Z',
    targets: ['templates/store.yaml', 'templates/broken.json'],
  },
  findings,
  errors: [
    {
      code: 'INPUT_MALFORMED',
      message: 'invalid JSON: comma expected',
      file: 'templates/broken.json',
      line: 7,
      column: 5,
    },
  ],
  notes: [
    {
      message: 'Fn::ImportValue SharedDocumentsKeyArn is read at deploy time',
      file: 'templates/store.yaml',
      line: 33,
      column: 15,
      logical_id: 'ImportedKeyBucket',
    },
  ],
  suppressions: [
    {
      rule: 'LG-S3-001',
      reason: 'vendor replica; key migration tracked in RISK-12',
      owner: 'platform-team',
      expires: '2026-12-31',
      source: 'templates/store.yaml:44:9 (Metadata of MigrationBucket)',
      covers: 'resource store/MigrationBucket',
      state: 'active',
      matched: 1,
    },
    {
      rule: 'LG-S3-001',
      reason: 'decommissioned by Q3',
      owner: 'records-team',
      expires: '2026-09-30',
      source: 'lexguard.suppressions.yaml:3:5',
      covers: 'logical_id LegacyBucket',
      state: 'expired',
      matched: 1,
    },
    {
      rule: 'LG-KMS-001',
      reason: 'the old archive key',
      owner: 'security-team',
      expires: '2027-01-31',
      source: 'lexguard.suppressions.yaml:8:5',
      covers: 'construct_path DocumentStore/Archive*/**',
      state: 'active',
      matched: 0,
    },
  ],
  not_modelled: { 'AWS::Lambda::Function': 1 },
  summary: summarise(findings),
};
