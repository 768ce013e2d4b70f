import { runCli } from '../_helpers/cli';
import { reportSchemaValidator } from '../_helpers/schemas';
import { startLiveLab, type LiveLab } from '../_helpers/live-lab';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

/** The `lexguard scan live` command against moto, pointed there by the environment only. */
let lab: LiveLab;

beforeAll(async () => {
  lab = await startLiveLab();
}, 120_000);

afterAll(async () => {
  await lab?.stop();
});

describe('lexguard scan live', () => {
  test('scans the account, fails the gate on FAIL findings and prints a summary of the API calls', async () => {
    const run = await runCli([
      'scan',
      'live',
      '--region',
      'eu-west-1',
      '--format',
      'json',
      '--max-attempts',
      '2',
    ]);
    expect(run.code).toBe(1);
    const report = parseScanReport(run.stdout, 'report');
    expect(report.scan.source_kind).toBe('live');
    const validate = reportSchemaValidator();
    expect(validate(JSON.parse(run.stdout)) ? [] : validate.errors).toEqual([]);
    expect(report.scan.targets).toEqual(['aws://123456789012']);
    expect(
      report.findings.some(
        (finding) => finding.status === 'FAIL' && finding.resource.id === lab.estate.ids.aes,
      ),
    ).toBe(true);
    expect(report.live?.regions).toEqual(['eu-west-1']);
    expect(run.stderr).toMatch(
      /^lexguard: \d+ API calls in 1 account\(s\), 1 region\(s\): 0 retried, 0 failed, \d+ not configured; coverage 100% of calls/m,
    );
  }, 60_000);

  test('an account that cannot be reached is a one-line error and exit code 2', async () => {
    lab.proxy.setFaults([{ operations: ['sts:AssumeRole'], fault: 'deny' }]);
    try {
      const run = await runCli([
        'scan',
        'live',
        '--region',
        'eu-west-1',
        '--assume-role',
        'arn:aws:iam::210987654321:role/audit',
        '--max-attempts',
        '1',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'lexguard: arn:aws:iam::210987654321:role/audit: sts:AssumeRole was denied (AccessDenied)',
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      lab.proxy.setFaults([]);
    }
  }, 60_000);

  test('bad options are refused before any call', async () => {
    const run = await runCli(['scan', 'live', '--assume-role', 'not-an-arn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"not-an-arn" is not an IAM role ARN');
  });
});
