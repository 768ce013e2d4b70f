import type { FaultRule } from '../../_helpers/aws-proxy';
import { startLiveLab, statusesOf, type LiveLab } from '../../_helpers/live-lab';
import type { ScanReport } from '../../../scanner/findings/scan-report';

/**
 * Fault injection: the test proxy in front of moto throttles, fails, stalls or denies chosen operations.
 * Transient faults must change nothing; persistent ones must turn exactly the findings that need the lost
 * values into UNKNOWN; and no fault may ever produce a PASS the fault-free run did not.
 */

let lab: LiveLab;
let baseline: Map<string, string>;

beforeAll(async () => {
  lab = await startLiveLab();
  baseline = statusesOf((await lab.scan()).report.findings);
}, 120_000);

afterAll(async () => {
  await lab?.stop();
});

async function scanWith(faults: FaultRule[]): Promise<ScanReport> {
  lab.proxy.setFaults(faults);
  try {
    return (await lab.scan()).report;
  } finally {
    lab.proxy.setFaults([]);
  }
}

/** No finding passes that did not pass without faults. */
function expectNoNewPass(report: ScanReport): void {
  const newPasses = [...statusesOf(report.findings)].filter(
    ([key, status]) => status === 'PASS' && baseline.get(key) !== 'PASS',
  );
  expect(newPasses).toEqual([]);
}

/**
 * Every finding keeps its fault-free status or becomes UNKNOWN because of the failed calls (its message
 * names one of them); those `mustBeUnknown` selects do become UNKNOWN.
 */
function expectUnknownOnly(
  report: ScanReport,
  failedCalls: string[],
  mustBeUnknown: (key: string) => boolean,
): void {
  const actual = statusesOf(report.findings);
  expect([...actual.keys()].sort()).toEqual([...baseline.keys()].sort());
  for (const finding of report.findings) {
    if (finding.resource.id === '*') continue;
    const key = `${finding.rule_id} ${finding.resource.id}`;
    const before = baseline.get(key);
    if (mustBeUnknown(key)) expect(`${key} ${finding.status}`).toBe(`${key} UNKNOWN`);
    if (finding.status === before) continue;
    expect(`${key} ${finding.status}`).toBe(`${key} UNKNOWN`);
    expect(failedCalls.some((call) => finding.message.includes(call))).toBe(true);
  }
}

describe('live scan under injected faults', () => {
  test('the fault-free run judges the estate', () => {
    expect([...baseline.values()]).toEqual(expect.arrayContaining(['PASS', 'FAIL']));
  });

  test('throttling, 5xx and timeouts that pass are retried and change nothing', async () => {
    const report = await scanWith([
      { operations: ['s3:GetBucketPolicy', 'kms:GetKeyRotationStatus'], fault: 'timeout', attempts: [1] },
      {
        operations: [
          's3:GetBucketEncryption',
          'kms:DescribeKey',
          's3:ListBuckets',
          'iam:GetAccountAuthorizationDetails',
        ],
        fault: 'server-error',
        attempts: [1, 2],
      },
      // The adaptive retry mode slows a client down once it is throttled (to 0.5 requests/s at first), so
      // throttling is injected on calls that end their client's work, to keep the test fast.
      {
        operations: ['s3control:GetPublicAccessBlock', 'sns:ListTagsForResource', 'iam:GetPolicyVersion'],
        fault: 'throttle',
        attempts: [1],
      },
    ]);
    expect(statusesOf(report.findings)).toEqual(baseline);
    expect(report.live?.calls.failed).toBe(0);
    expect(report.live?.calls.retried).toBeGreaterThanOrEqual(8);
    expect(report.live?.coverage.calls_answered).toBe(1);
    const injected = new Set(lab.proxy.seen.map((request) => request.fault));
    expect(injected).toEqual(new Set([undefined, 'timeout', 'server-error', 'throttle']));
  }, 60_000);

  test('a denied bucket policy makes the TLS rule UNKNOWN for every bucket, and nothing else changes', async () => {
    const report = await scanWith([{ operations: ['s3:GetBucketPolicy'], fault: 'deny' }]);
    expectUnknownOnly(report, ['s3:GetBucketPolicy'], (key) => key.startsWith('LG-S3-003 '));
    const finding = report.findings.find((item) => item.rule_id === 'LG-S3-003');
    expect(finding?.message).toContain('s3:GetBucketPolicy was denied (AccessDenied)');
    const evidence = finding?.location.kind === 'live' ? finding.location.evidence : [];
    expect(evidence.find((item) => item.call === 's3:GetBucketPolicy')?.error).toBe('AccessDenied');
    const buckets = report.findings.filter((item) => item.rule_id === 'LG-S3-003').length;
    expect(buckets).toBe(4);
    expect(report.live?.calls.failures_by_code).toEqual({ AccessDenied: buckets });
    expect(report.live?.coverage.resources_complete).toBe((report.live?.coverage.resources ?? 0) - buckets);
    expectNoNewPass(report);
  }, 60_000);

  test('a denied JSON-protocol call (KMS rotation status) makes the rotation rule UNKNOWN', async () => {
    const report = await scanWith([{ operations: ['kms:GetKeyRotationStatus'], fault: 'deny' }]);
    expectUnknownOnly(report, ['kms:GetKeyRotationStatus'], (key) => key.startsWith('LG-KMS-001 '));
    expect(report.live?.calls.failures_by_code).toEqual({ AccessDeniedException: 2 });
    expectNoNewPass(report);
  }, 60_000);

  test('a call that keeps failing or timing out is UNKNOWN with the reason, never a verdict', async () => {
    const report = await scanWith([
      { operations: ['s3:GetBucketEncryption'], fault: 'server-error' },
      { operations: ['kms:DescribeKey'], fault: 'timeout' },
    ]);
    // Without DescribeKey no key's manager is known, so the rotation rule and the bucket key rule both wait.
    expectUnknownOnly(
      report,
      ['s3:GetBucketEncryption', 'kms:DescribeKey'],
      (key) => key.startsWith('LG-S3-001 ') || key.startsWith('LG-KMS-001 '),
    );
    const messages = report.findings.filter((item) => item.status === 'UNKNOWN').map((item) => item.message);
    expect(messages.some((message) => message.includes('s3:GetBucketEncryption failed ('))).toBe(true);
    expect(messages.some((message) => message.includes('timed out'))).toBe(true);
    expectNoNewPass(report);
  }, 90_000);

  test('when everything but the identity call is denied, nothing passes and every listing is reported', async () => {
    const denyAll = [...new Set(lab.proxy.seen.map((request) => request.operation))].filter(
      (operation) => operation !== 'sts:GetCallerIdentity',
    );
    const report = await scanWith([{ operations: denyAll, fault: 'deny' }]);
    expect(report.findings.filter((finding) => finding.status === 'PASS')).toEqual([]);
    expect(report.notes.map((note) => note.message).join('\n')).toContain(
      's3_buckets: s3:ListBuckets was denied',
    );
    // Only the identity call answered.
    expect(report.live?.coverage.calls_answered).toBe(1 / (report.live?.calls.made ?? 0));
    expect(report.errors).toEqual([]);
    expectNoNewPass(report);
  }, 60_000);
});
