import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_WAIVERS_EXPIRE } from '../../../lib/constructs/audit-waivers';
import { buildAudit, type BuiltAudit } from '../../_helpers/audit-app';
import { runCli } from '../../_helpers/cli';
import { ROOT } from '../../_helpers/paths';
import { acknowledgementsIn } from '../../_helpers/validation';
import { parseScanReport } from '../../../scanner/findings/read-scan-report';

/**
 * lexguard judges its own audit deployment by the rules it holds the document store to: the synthesized
 * audit stack and scanner role stacks pass cdk-nag's AwsSolutions, HIPAA Security and NIST 800-53 rev. 5
 * packs and lexguard's own validation plugin on synth (every exception an acknowledgement with a reason,
 * or a lexguard waiver with its reason, owner and expiry), and lexguard's scan of the app's assembly finds
 * nothing failing or unknown. cfn-lint, which the test setup
 * installs pinned beside moto, checks the templates against CloudFormation's resource schemas.
 */
const CFN_LINT = path.join(ROOT, '.venv', 'bin', 'cfn-lint');
const VARIANTS: Array<[string, Record<string, unknown> | undefined]> = [
  ['listed accounts (cdk.json)', undefined],
  [
    'the organization, with the StackSet',
    { organization: true, stackSet: { organizationalUnitIds: ['ou-ab12-cdefgh34'] } },
  ],
];

describe.each(VARIANTS)('the audit deployment for %s', (_name, audit) => {
  let built: BuiltAudit;
  beforeAll(() => {
    built = buildAudit({ audit, guardrails: true, withStore: true });
    built.assembly();
  });

  it('synthesizes with no unacknowledged finding of cdk-nag’s three packs or lexguard’s plugin', () => {
    expect(built.violations()).toEqual([]);
  });

  it('gives every acknowledgement a reason an auditor can check', () => {
    const acknowledgements = acknowledgementsIn(built.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [rule, reason] of acknowledgements) expect([rule, reason.length > 40]).toEqual([rule, true]);
  });

  it('has no error cfn-lint knows of (a repeated key policy Sid, a bad property)', () => {
    expect(existsSync(CFN_LINT)).toBe(true);
    const run = spawnSync(CFN_LINT, ['--format', 'json', ...built.templateFiles()], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const problems = JSON.parse(run.stdout || '[]') as Array<{
      Level: string;
      Rule: { Id: string };
      Message: string;
    }>;
    // Warnings left: W3005, CDK's explicit DependsOn of a function on its role's policy.
    expect(
      problems.filter((problem) => problem.Level === 'Error').map((p) => `${p.Rule.Id} ${p.Message}`),
    ).toEqual([]);
  });

  it('passes lexguard’s scan of the app’s assembly: no FAIL, no UNKNOWN, no error, no note, three waivers', async () => {
    // One assembly, as the plugin judges it on synth: account-wide controls (the trail, the alarms, the
    // password policy) are the store's stacks', which a scan of each template alone would not see.
    const run = await runCli(['scan', 'assembly', built.app.outdir, '--fail-on-unknown', '--format', 'json']);
    const report = parseScanReport(run.stdout, 'report');
    expect({ code: run.code, errors: report.errors, notes: report.notes }).toEqual({
      code: 0,
      errors: [],
      notes: [],
    });
    const statuses = new Set(report.findings.map((finding) => finding.status));
    expect([...statuses].sort()).toEqual(['NOT_APPLICABLE', 'PASS', 'WAIVED']);
    // The audit's waivers, each with its reason, owner and expiry in the resource's Metadata.lexguard.
    const waived = report.findings
      .filter(
        (finding) => finding.status === 'WAIVED' && /AuditScanner|ScannerRole/.test(finding.resource.id),
      )
      .map((finding) => `${finding.rule_id} ${finding.resource.id.replace(/[0-9A-F]{8}$/, '')}`);
    expect(waived.sort()).toEqual([
      'LG-BAK-001 ExampleLlpAuditScanner/ReportsBucket',
      'LG-CT-005 ExampleLlpAuditScanner/ReportsBucket',
      'LG-IAM-008 ExampleLlpAuditScanner/ScanStateMachineRole',
    ]);
    // The scanner role's trust policy names the audit account narrowed by aws:PrincipalArn to one
    // function's role: the trust rules judge it as no person's role, with nothing to waive.
    const scannerRoleTrust = report.findings
      .filter(
        (finding) =>
          ['LG-IAM-001', 'LG-IAM-002', 'LG-IAM-009'].includes(finding.rule_id) &&
          finding.resource.id.includes('ScannerRole'),
      )
      .map((finding) => finding.status);
    expect(scannerRoleTrust.length).toBeGreaterThan(0);
    expect(new Set(scannerRoleTrust)).toEqual(new Set(['NOT_APPLICABLE']));
    // LG-AUD-001 holds the tagged scanner role to reads: no write, no document read, no open AssumeRole.
    const readOnly = report.findings
      .filter((finding) => finding.rule_id === 'LG-AUD-001' && finding.status !== 'NOT_APPLICABLE')
      .map((finding) => `${finding.status} ${finding.resource.id.replace(/[0-9A-F]{8}$/, '')}`);
    expect(readOnly).toEqual(['PASS ExampleLlpScannerRole111122223333/ScannerRole']);
    for (const finding of report.findings.filter((f) => f.status === 'WAIVED')) {
      expect(finding.waiver).toMatchObject({
        owner: 'records@example-llp.com',
        expires: AUDIT_WAIVERS_EXPIRE,
      });
    }
    // The reports bucket was judged, not skipped.
    const reportsBucket = report.findings.filter(
      (finding) => finding.rule_id === 'LG-S3-001' && finding.resource.id.includes('ReportsBucket'),
    );
    expect(reportsBucket.map((finding) => finding.status)).toEqual(['PASS']);
  });
});
