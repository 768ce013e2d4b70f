import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { AuditReport } from '../../scanner/audit/audit-report';
import { runCli, type CliRun } from '../_helpers/cli';
import { startMoto, type Moto } from '../_helpers/moto';
import { onlyRulesConfig } from '../_helpers/only-rules';
import { fixture } from '../_helpers/paths';
import { tempDirs } from '../_helpers/temp-dirs';

const tempDir = tempDirs('report');
/** The counts below are of the rules bad.yaml was written for (see `onlyRulesConfig`). */
const ONLY_ENCRYPTION_RULES = ['--config', onlyRulesConfig()];

/** A JSON scan report of bad.yaml. */
const scanBadTemplate = (): Promise<CliRun> =>
  runCli(['scan', 'template', fixture('templates', 'bad.yaml'), '-f', 'json', ...ONLY_ENCRYPTION_RULES]);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Two scans of one estate stored in a history, before and after a fix (the signing key's neighbour,
 * StaticKey, gets rotation turned on), then `lexguard report` in every audit format.
 */
async function twoScans(history: string): Promise<{ first: string }> {
  const dir = tempDir();
  const template = path.join(dir, 'estate.yaml');
  copyFileSync(fixture('templates', 'bad.yaml'), template);
  const scanInto = (): Promise<CliRun> =>
    runCli(['scan', 'template', template, '--history', history, '-f', 'json', ...ONLY_ENCRYPTION_RULES]);
  const before = await scanInto();
  expect(before.stderr).toMatch(/scan stored in .* as \d{8}T\d{9}Z_[0-9a-f]{16}/);
  const first = (JSON.parse(before.stdout) as { scan: { started_at: string } }).scan.started_at;
  await new Promise((resolve) => setTimeout(resolve, 5));
  writeFileSync(
    template,
    readFileSync(template, 'utf8').replace('EnableKeyRotation: false', 'EnableKeyRotation: true'),
  );
  const after = await scanInto();
  expect(after.code).toBe(1);
  return { first };
}

function report(run: CliRun, out: string): AuditReport {
  return JSON.parse(run.files[path.join(out, 'report.json')]) as AuditReport;
}

/** `-f html=<out>/report.html -f audit-md=<out>/report.md …`: every audit format, each to its file. */
function everyFormat(out: string): string[] {
  return Object.entries({ html: 'html', 'audit-md': 'md', csv: 'csv', 'audit-json': 'json' }).flatMap(
    ([format, extension]) => ['-f', `${format}=${path.join(out, `report.${extension}`)}`],
  );
}

describe('lexguard report', () => {
  it('compares the latest scan with the one before it and writes HTML, Markdown, CSV and JSON', async () => {
    const history = tempDir();
    const { first } = await twoScans(history);
    const out = path.join(tempDir(), 'out');
    const now = new Date(new Date(first).getTime() + 40 * DAY_MS).toISOString();
    const run = await runCli(['report', '--history', history, ...everyFormat(out), '--now', now]);
    expect(run.code).toBe(0);
    expect(Object.keys(run.files).sort()).toEqual(
      ['report.csv', 'report.html', 'report.json', 'report.md'].map((name) => path.join(out, name)),
    );
    expect(run.stderr).toMatch(/compared with .*: 0 new, 0 regressed, 6 still open, 1 fixed, 6 overdue/);

    const audit = report(run, out);
    expect(audit.fixed).toEqual([
      expect.objectContaining({
        rule_id: 'LG-KMS-001',
        resource: { id: 'estate/StaticKey', kind: 'kms_key' },
        was: 'FAIL',
        now: 'PASS',
        first_seen: first,
      }),
    ]);
    const open = audit.findings.filter((finding) => finding.change);
    expect(open.every((finding) => finding.first_seen === first && finding.age_days === 40)).toBe(true);
    // HIGH findings (30 days) are overdue after 40 days, MEDIUM ones (90) not; UNKNOWN ones are open too.
    expect(
      open
        .filter((f) => f.overdue)
        .map((f) => `${f.status} ${f.severity}`)
        .sort(),
    ).toEqual(['FAIL HIGH', 'FAIL HIGH', 'FAIL HIGH', 'FAIL HIGH', 'UNKNOWN HIGH', 'UNKNOWN HIGH']);
    expect(audit.findings[0].overdue).toBe(true);

    const csv = parseCsv(run.files[path.join(out, 'report.csv')], { columns: true }) as Array<
      Record<string, string>
    >;
    expect(csv).toHaveLength(audit.findings.length);
    expect(csv.filter((row) => row.overdue === 'yes')).toHaveLength(6);
    expect(run.files[path.join(out, 'report.md')]).toContain('| **OVERDUE** | FAIL | HIGH | LG-S3-001 |');
    expect(run.files[path.join(out, 'report.html')]).toMatch(/^<!DOCTYPE html>/);
  });

  it('takes the remediation deadlines from the configuration', async () => {
    const history = tempDir();
    const { first } = await twoScans(history);
    const config = path.join(tempDir(), 'lexguard.config.yaml');
    writeFileSync(config, 'remediation_deadlines_days:\n  high: 60\n');
    const now = new Date(new Date(first).getTime() + 40 * DAY_MS).toISOString();
    const run = await runCli([
      'report',
      '--history',
      history,
      '-f',
      'audit-json',
      '--now',
      now,
      '-c',
      config,
    ]);
    const audit = JSON.parse(run.stdout) as AuditReport;
    expect(audit.changes.overdue).toBe(0);
    expect(audit.remediation_deadlines.HIGH).toBe(60);
  });

  it('stores scan files given to it as one scan, then reports on it', async () => {
    const history = tempDir();
    const scanFile = path.join(tempDir(), 'scan.json');
    const scan = await scanBadTemplate();
    writeFileSync(scanFile, scan.stdout);
    const run = await runCli(['report', scanFile, '--history', history, '-f', 'audit-json']);
    expect(run.stderr).toMatch(/scan stored in .* as .*\n.*\(first in the history\): 7 new/);
    expect((JSON.parse(run.stdout) as AuditReport).scan.history_id).toMatch(/^\d{8}T/);
  });

  it.each([
    ['an empty history', [], /lexguard: the scan history .* holds no scans yet/],
    [
      'two formats on standard output',
      ['-f', 'html', '-f', 'csv'],
      /only one report can go to standard output/,
    ],
    ['an unknown format', ['-f', 'pdf'], /unknown format "pdf"/],
    ['a bad clock', ['--now', 'yesterday'], /expected an ISO 8601 date/],
  ])('refuses %s with one line and exit code 2', async (_name, args, message) => {
    const run = await runCli(['report', '--history', tempDir(), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the file, line and column of a scan file that is not a valid scan report', async () => {
    const scan = await scanBadTemplate();
    const broken = scan.stdout.replace('"status": "FAIL"', '"status": "BROKEN"');
    const line = broken.slice(0, broken.indexOf('"status": "BROKEN"')).split('\n').length;
    const file = path.join(tempDir(), 'edited.json');
    writeFileSync(file, broken);
    const run = await runCli(['report', file, '--history', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `lexguard: ${file}:${line}:7: not a lexguard scan report: findings[0].status must be equal to one of the allowed values\n`,
    );
  });

  describe('with the history in S3 (moto server)', () => {
    let moto: Moto;
    const saved = { ...process.env };

    beforeAll(async () => {
      moto = await startMoto();
      Object.assign(process.env, {
        AWS_ENDPOINT_URL_S3: moto.endpoint,
        AWS_REGION: moto.region,
        AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
      });
      const s3 = new S3Client({
        endpoint: moto.endpoint,
        region: moto.region,
        credentials: moto.credentials,
        forcePathStyle: true,
      });
      await s3.send(
        new CreateBucketCommand({
          Bucket: 'reports',
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      );
    }, 60_000);

    afterAll(async () => {
      process.env = saved;
      await moto?.stop();
    });

    it('stores both scans under the prefix and reports the fix', async () => {
      await twoScans('s3://reports/estates/firm');
      const run = await runCli(['report', '--history', 's3://reports/estates/firm', '-f', 'audit-json']);
      expect(run.code).toBe(0);
      const audit = JSON.parse(run.stdout) as AuditReport;
      expect(audit.changes).toMatchObject({ fixed: 1, still_open: 6, new: 0 });
    });
  });
});
