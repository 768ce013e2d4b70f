import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../_helpers/cli';
import { tempDirs } from '../_helpers/temp-dirs';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

/**
 * The policy lexguard tells users to give its scanner role (`lexguard iam-policy`, with every feature, assuming roles included)
 * passes lexguard's own least-privilege rule: no write, no wildcard verb, no read of documents. If a new
 * collector needed a broader permission, this is where it would show.
 */
const tempDir = tempDirs('scanner-role');

describe('the IAM policy lexguard asks for', () => {
  it('passes LG-AUD-001 on a role tagged as the audit scanner', async () => {
    const printed = await runCli([
      'iam-policy',
      '--organization',
      'lexguard-audit',
      '--assume-role',
      'arn:aws:iam::210987654321:role/audit',
      '--drift',
    ]);
    expect(printed.stdout).toContain('sts:AssumeRole');
    expect(printed.code).toBe(0);
    const template = {
      Resources: {
        ScannerRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
            Policies: [{ PolicyName: 'LexguardScan', PolicyDocument: JSON.parse(printed.stdout) as object }],
            Tags: [{ Key: 'lexguard:purpose', Value: 'audit-scanner' }],
          },
        },
      },
    };
    const file = path.join(tempDir(), 'scanner-role.json');
    writeFileSync(file, JSON.stringify(template));
    const run = await runCli(['scan', 'template', file, '-f', 'json', '--show-passed']);
    const report = parseScanReport(run.stdout, 'report');
    const finding = report.findings.find((item) => item.rule_id === 'LG-AUD-001');
    expect(`${finding?.status}: ${finding?.message}`).toBe(
      "PASS: the audit scanner's role can only list, get and describe configuration",
    );
  });
});
