import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { runCli, type CliRun } from '../_helpers/cli';
import { TEST_REGION } from '../_helpers/aws-env';
import type { FaultRule } from '../_helpers/aws-proxy';
import { startLiveLab, type LiveLab } from '../_helpers/live-lab';
import { MOTO_ACCOUNT } from '../_helpers/moto';
import { tempDirs } from '../_helpers/temp-dirs';

/**
 * Credentials never leave the process: a live scan signed with known canary values (an access key id, a
 * secret key, a session token) through the fault-injection proxy, with AWS's most talkative errors
 * (SignatureDoesNotMatch quoting the canonical request, session token included, and S3's AccessKeyId
 * element) on some calls, then every format of every report, standard output and error, the scan history
 * (folder and S3) and every error message of the run are searched for them. moto accepts any credentials,
 * so the canaries really sign every request (checked below: the test cannot pass with them unused).
 */
const CANARY = {
  accessKeyId: 'AKIALEXGUARDCANARY01',
  secretAccessKey: 'lexguardCanarySecret/Key+0123456789abcdefGHIJ',
  sessionToken: 'IQoJb3JpZ2luX2VjELEXGUARDCANARYSESSIONTOKEN0123456789//////////wEaCWV1LXdlc3QtMSJH',
};

/** Anything shaped like an AWS key id, or moto's session tokens (those of `--assume-role` credentials). */
const KEY_SHAPES = [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/, /FQoGZXIvYXdzE/];

const tempDir = tempDirs('leak');
let lab: LiveLab;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  lab = await startLiveLab();
  const s3 = new S3Client({
    endpoint: lab.moto.endpoint,
    region: TEST_REGION,
    credentials: lab.moto.credentials,
    forcePathStyle: true,
  });
  await s3.send(
    new CreateBucketCommand({
      Bucket: 'leak-history',
      CreateBucketConfiguration: { LocationConstraint: TEST_REGION },
    }),
  );
  const canaryEnv = {
    AWS_ACCESS_KEY_ID: CANARY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CANARY.secretAccessKey,
    AWS_SESSION_TOKEN: CANARY.sessionToken,
    AWS_ENDPOINT_URL_S3: lab.proxy.endpoint,
  };
  for (const [key, value] of Object.entries(canaryEnv)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
}, 120_000);

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await lab?.stop();
});

/** Every file below `dir`, with its contents. */
function filesBelow(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) Object.assign(found, filesBelow(file));
    else found[file] = readFileSync(file, 'utf8');
  }
  return found;
}

/** Runs the CLI under `faults`; what it printed and wrote, and any error it threw, are all output. */
async function run(
  args: string[],
  faults: FaultRule[] = [],
): Promise<{ run: CliRun; outputs: Record<string, string> }> {
  lab.proxy.setFaults(faults);
  try {
    const result = await runCli(args);
    return {
      run: result,
      outputs: { stdout: result.stdout, stderr: result.stderr, ...result.files },
    };
  } catch (thrown) {
    const text = thrown instanceof Error ? `${thrown.message}\n${thrown.stack ?? ''}` : String(thrown);
    return { run: { code: -1, stdout: '', stderr: text, files: {} }, outputs: { thrown: text } };
  } finally {
    lab.proxy.setFaults([]);
  }
}

function leaks(outputs: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(outputs)) {
    for (const [name, value] of Object.entries(CANARY))
      if (text.includes(value)) found.push(`${where}: ${name}`);
    for (const shape of KEY_SHAPES)
      if (shape.test(text)) found.push(`${where}: ${String(shape.exec(text)?.[0])}`);
  }
  return found;
}

const SCAN_FORMATS = ['json', 'sarif', 'junit', 'markdown', 'table', 'html', 'csv', 'audit-md', 'audit-json'];

describe('credentials never appear in any output of a live scan', () => {
  it('scan live (every format), report and history (folder and S3) under faults that quote the request', async () => {
    const all: Record<string, string> = {};
    const dir = tempDir();
    const signatureFaults: FaultRule[] = [
      {
        operations: ['s3:GetBucketPolicy', 'kms:GetKeyPolicy', 'iam:ListRoles', 'sns:ListTopics'],
        fault: 'bad-signature',
      },
      { operations: ['s3:GetBucketEncryption', 'cloudtrail:DescribeTrails'], fault: 'deny' },
    ];
    const scan = await run(
      [
        'scan',
        'live',
        '--region',
        TEST_REGION,
        '--max-attempts',
        '1',
        '--show-passed',
        ...SCAN_FORMATS.flatMap((format) => ['-f', `${format}=${path.join(dir, `scan.${format}`)}`]),
        '-f',
        'table',
      ],
      signatureFaults,
    );
    Object.assign(all, scan.outputs);
    // The scan ran (and the faulted calls made findings UNKNOWN) with the canary credentials.
    const json = scan.run.files[path.join(dir, 'scan.json')];
    expect(json).toContain('SignatureDoesNotMatch');
    expect(lab.proxy.seen.some((request) => request.accessKeyId === CANARY.accessKeyId)).toBe(true);
    const reportFile = path.join(dir, 'scan.json');
    writeFileSync(reportFile, json);

    const history = path.join(dir, 'history');
    const report = await run([
      'report',
      reportFile,
      '--history',
      history,
      ...['html', 'csv', 'audit-md', 'audit-json'].flatMap((format) => [
        '-f',
        `${format}=${path.join(dir, `audit.${format}`)}`,
      ]),
    ]);
    expect(report.run.code).toBe(0);
    Object.assign(all, report.outputs, filesBelow(history));

    // An S3 history whose write is refused with the request quoted back: the error names the failure only.
    const s3Report = await run(
      ['report', reportFile, '--history', 's3://leak-history/scans', '-f', 'audit-json'],
      [{ operations: ['s3:PUT object'], fault: 'bad-signature' }],
    );
    expect(s3Report.run.code).toBe(2);
    expect(s3Report.run.stderr).toContain('SignatureDoesNotMatch');
    Object.assign(all, prefixed('s3-refused', s3Report.outputs));
    const s3Stored = await run([
      'report',
      reportFile,
      '--history',
      's3://leak-history/scans',
      '-f',
      'audit-json',
    ]);
    expect(s3Stored.run.code).toBe(0);
    Object.assign(all, prefixed('s3-stored', s3Stored.outputs));

    // The account itself cannot be identified: the scan stops with an error naming the call.
    const unreachable = await run(
      ['scan', 'live', '--region', TEST_REGION, '--max-attempts', '1', '-f', 'json'],
      [{ operations: ['sts:GetCallerIdentity'], fault: 'bad-signature' }],
    );
    expect(unreachable.run.stdout + unreachable.run.stderr).toContain('sts:GetCallerIdentity');
    Object.assign(all, prefixed('unreachable', unreachable.outputs));

    // Credentials lexguard obtains itself (sts:AssumeRole) are as secret as the ones it was given.
    const assumed = await run([
      'scan',
      'live',
      '--region',
      TEST_REGION,
      '--assume-role',
      `arn:aws:iam::${MOTO_ACCOUNT}:role/lexguard-audit`,
      '--max-attempts',
      '1',
      '-f',
      `json=${path.join(dir, 'assumed.json')}`,
      '-f',
      'table',
    ]);
    expect(assumed.run.code).toBe(1);
    expect(lab.proxy.seen.some((request) => request.accessKeyId?.startsWith('ASIA'))).toBe(true);
    Object.assign(all, prefixed('assumed', assumed.outputs));

    expect(Object.keys(all).length).toBeGreaterThan(SCAN_FORMATS.length + 8);
    expect(leaks(all)).toEqual([]);
  }, 180_000);

  it('the search finds a planted credential (the test can fail)', () => {
    expect(leaks({ planted: `token ${CANARY.sessionToken}` })).toEqual(['planted: sessionToken']);
    expect(leaks({ planted: 'ASIAABCDEFGHIJKLMNOP' })).toEqual(['planted: ASIAABCDEFGHIJKLMNOP']);
  });
});

function prefixed(prefix: string, outputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(outputs).map(([key, value]) => [`${prefix}:${key}`, value]));
}
