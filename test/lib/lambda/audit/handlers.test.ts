import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { AUDIT_ENV } from '../../../../lib/lambda/audit/environment';
import type { AccountScan } from '../../../../lib/lambda/audit/judge-account';
import type { FinaliseResult, RunRef, ScanTarget } from '../../../../lib/lambda/audit/run-layout';
import { runKeys } from '../../../../lib/lambda/audit/run-layout';
import type { AuditReport } from '../../../../scanner/audit/audit-report';
import { openHistoryStore } from '../../../../scanner/history/open-history-store';
import { readHistoryView } from '../../../../scanner/history/read-history';
import { bundledHandler } from '../../../_helpers/audit-handlers';
import { pointSdkAt } from '../../../_helpers/aws-env';
import { MOTO_ACCOUNT, startMoto, type Moto } from '../../../_helpers/moto';

/**
 * The scheduled scan's handlers, as bundled for Lambda, run against moto in server mode in the order the
 * state machine runs them: list the organization's accounts, collect every region of every account through
 * the read-only role (assumed through moto's STS, which hands out credentials of the role's account),
 * judge each account, finalise. Step Functions itself (the Distributed Map, its retries and catches) does
 * not run here: moto does not execute Distributed Map states, so the state machine's definition is tested
 * on its ASL in test/lib/stacks/audit-stack.test.ts. moto does not evaluate IAM policies either: what the
 * functions may do is proven on the synthesized policies there.
 */
const REGIONS = ['eu-west-1', 'eu-central-1'];
const ROLE = 'lexguard-scanner';
const BUCKET = 'example-llp-audit-reports';
const AUDIT_ACCOUNT = MOTO_ACCOUNT;

let moto: Moto;
let restore: () => void;
let member: string;
let memberS3: S3Client;
let s3: S3Client;
let sqs: SQSClient;
let queueUrl: string;
const savedEnv: Record<string, string | undefined> = {};

const listTargets = bundledHandler('list-targets');
const collectRegion = bundledHandler('collect-region');
const judgeAccount = bundledHandler('judge-account');
const finalise = bundledHandler('finalise');

beforeAll(async () => {
  moto = await startMoto();
  restore = pointSdkAt(moto.endpoint);
  s3 = new S3Client({ forcePathStyle: true });
  const organizations = new OrganizationsClient({});
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const created = await organizations.send(
    new CreateAccountCommand({ AccountName: 'matters', Email: 'matters@example-llp.com' }),
  );
  member = created.CreateAccountStatus?.AccountId ?? '';
  organizations.destroy();

  // The audit account's side of the stack: the reports bucket and key, the topic, a queue to read it.
  const key = await new KMSClient({}).send(new CreateKeyCommand({ Description: 'audit reports' }));
  await createBucket({}, BUCKET, REGIONS[0]);
  const sns = new SNSClient({});
  const topic = await sns.send(
    new CreateTopicCommand({
      Name: 'audit-scans',
      Attributes: { KmsMasterKeyId: key.KeyMetadata?.Arn ?? '' },
    }),
  );
  sqs = new SQSClient({});
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'audit-inbox' }))).QueueUrl ?? '';
  const queueArn = (
    await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))
  ).Attributes?.QueueArn;
  await sns.send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'sqs', Endpoint: queueArn }));
  sns.destroy();

  // The member account's estate, written with the member's own credentials.
  const memberCredentials = await credentialsOf(member);
  memberS3 = new S3Client({ forcePathStyle: true, credentials: memberCredentials });
  await createBucket({ credentials: memberCredentials }, 'member-docs', REGIONS[0]);
  await createBucket({ credentials: memberCredentials }, 'member-archive', REGIONS[1]);

  const env: Record<string, string> = {
    [AUDIT_ENV.bucket]: BUCKET,
    [AUDIT_ENV.reportsKey]: key.KeyMetadata?.Arn ?? '',
    [AUDIT_ENV.targets]: JSON.stringify({ organization: true }),
    [AUDIT_ENV.regions]: REGIONS.join(','),
    [AUDIT_ENV.scannerRole]: ROLE,
    [AUDIT_ENV.partition]: 'aws',
    [AUDIT_ENV.config]: JSON.stringify({ approved_regions: REGIONS }),
    [AUDIT_ENV.topic]: topic.TopicArn ?? '',
  };
  for (const [name, value] of Object.entries(env)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
}, 120_000);

afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  s3?.destroy();
  memberS3?.destroy();
  sqs?.destroy();
  restore?.();
  await moto?.stop();
});

/** A bucket in a region, created through that region's endpoint as S3 requires. */
async function createBucket(
  config: { credentials?: AwsCredentialIdentity },
  name: string,
  region: string,
): Promise<void> {
  const client = new S3Client({ ...config, region, forcePathStyle: true });
  await client.send(
    new CreateBucketCommand({
      Bucket: name,
      CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
    }),
  );
  client.destroy();
}

async function credentialsOf(account: string): Promise<AwsCredentialIdentity> {
  const sts = new STSClient({});
  const assumed = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${ROLE}`, RoleSessionName: 'estate' }),
  );
  sts.destroy();
  return {
    accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
    secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
    sessionToken: assumed.Credentials?.SessionToken,
  };
}

async function readJson<T>(key: string): Promise<T> {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse((await object.Body?.transformToString()) ?? '') as T;
}

/**
 * One execution of the state machine, step by step: the Distributed Map's items (accounts) side by side,
 * each with its inline Map over regions, then the judge; `skip` leaves out collect items, as a function
 * that timed out would.
 */
async function runScan(
  name: string,
  skip: Array<{ account: string; region: string }> = [],
): Promise<{ run: RunRef; result: FinaliseResult }> {
  const run = await listTargets({ executionName: name, startedAt: new Date().toISOString() });
  const targets = await readJson<ScanTarget[]>(run.targetsKey);
  await Promise.all(
    targets.map(async (target) => {
      await Promise.all(
        target.regions.map(async (region, index) => {
          if (skip.some((item) => item.account === target.account && item.region === region)) return;
          await collectRegion({
            runId: run.runId,
            account: target.account,
            roleArn: target.roleArn,
            region,
            index,
          });
        }),
      );
      await judgeAccount({ runId: run.runId, account: target.account, regions: target.regions });
    }),
  );
  return { run, result: await finalise({ run }) };
}

async function notifications(): Promise<Array<{ Subject: string; Message: string }>> {
  const received = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return (received.Messages ?? []).map(
    (message) => JSON.parse(message.Body ?? '{}') as { Subject: string; Message: string },
  );
}

describe('scheduled audit scan handlers (bundled, against moto)', () => {
  let first: { run: RunRef; result: FinaliseResult };
  let second: { run: RunRef; result: FinaliseResult };

  beforeAll(async () => {
    first = await runScan('first');
    // Between the scans: one critical defect appears, one is fixed, and one item of the fan-out fails.
    await memberS3.send(
      new PutBucketPolicyCommand({
        Bucket: 'member-docs',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::member-docs/*',
            },
          ],
        }),
      }),
    );
    await memberS3.send(
      new PutBucketVersioningCommand({
        Bucket: 'member-archive',
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    second = await runScan('second', [{ account: AUDIT_ACCOUNT, region: REGIONS[0] }]);
  }, 180_000);

  test('list-targets lists every account of the organization, each with its role and the regions', async () => {
    const targets = await readJson<ScanTarget[]>(first.run.targetsKey);
    expect(targets).toEqual(
      [AUDIT_ACCOUNT, member].sort().map((account) => ({
        account,
        roleArn: `arn:aws:iam::${account}:role/${ROLE}`,
        regions: REGIONS,
      })),
    );
    expect(first.run).toMatchObject({ bucket: BUCKET, accounts: 2, regions: REGIONS });
  });

  test('each account is judged from its regions joined, read through the assumed role', async () => {
    const scan = await readJson<AccountScan>(runKeys.account(first.run.runId, member));
    expect(scan.unread).toEqual([]);
    expect(scan.report.errors).toEqual([]);
    expect(scan.report.live?.accounts).toEqual([member]);
    expect(scan.report.live?.regions).toEqual([...REGIONS].sort());
    const buckets = new Map(
      scan.report.findings
        .filter((finding) => finding.location.kind === 'live' && finding.resource.kind === 's3_bucket')
        .map((finding) => [
          finding.resource.id,
          finding.location.kind === 'live' ? finding.location.region : '',
        ]),
    );
    expect(Object.fromEntries(buckets)).toEqual({
      'arn:aws:s3:::member-docs': REGIONS[0],
      'arn:aws:s3:::member-archive': REGIONS[1],
    });
  });

  test('the first scan is recorded, reported in HTML, JSON and CSV (encrypted), and notifies of its critical findings', async () => {
    // moto's account roots have no MFA device (LG-IAM-004, CRITICAL): new in a first scan, so told.
    expect(first.result).toMatchObject({ notified: true, newCritical: 2, unread: 0 });
    expect(first.result.reports).toEqual(
      ['report.html', 'report.json', 'report.csv'].map(
        (file) => `s3://${BUCKET}/${runKeys.report(first.run.runId, file)}`,
      ),
    );
    const html = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: runKeys.report(first.run.runId, 'report.html') }),
    );
    expect(html.ServerSideEncryption).toBe('aws:kms');
    const text = (await html.Body?.transformToString()) ?? '';
    // Chart.js, shipped beside the bundle, is inlined: the report draws its charts offline.
    expect(text).toMatch(/^<!DOCTYPE html>/i);
    expect(text).toContain('Chart.js v4');
    const csv = await s3.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: runKeys.report(first.run.runId, 'report.csv') }),
    );
    expect(csv.ContentType).toMatch(/^text\/csv/);
  });

  test('the second scan is recorded after the first, and the history reads back both', async () => {
    const store = openHistoryStore(`s3://${BUCKET}/history`, { s3: { forcePathStyle: true } });
    const view = await readHistoryView(store, { trendLength: 12 });
    expect(view.current.ref.id).toBe(second.result.historyId);
    expect(view.previous?.ref.id).toBe(first.result.historyId);
    expect(view.trend).toHaveLength(2);
  });

  test('the diff shows the critical regression and the fix', async () => {
    const audit = await readJson<AuditReport>(runKeys.report(second.run.runId, 'report.json'));
    const policy = audit.findings.find(
      (finding) => finding.rule_id === 'LG-S3-008' && finding.resource.id === 'arn:aws:s3:::member-docs',
    );
    // It passed in the first scan (the bucket had no policy): a regression, which notifies as a new defect.
    expect(policy).toMatchObject({
      status: 'FAIL',
      severity: 'CRITICAL',
      change: 'regressed',
      account: member,
    });
    expect(audit.fixed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule_id: 'LG-S3-010',
          resource: expect.objectContaining({ id: 'arn:aws:s3:::member-archive' }),
        }),
      ]),
    );
  });

  test('what could not be read is carried forward as UNKNOWN, keeping its first-seen date, and is an error', async () => {
    expect(second.result.unread).toBe(2);
    const scan = await readJson<AccountScan>(runKeys.account(second.run.runId, AUDIT_ACCOUNT));
    expect(scan.unread.map((scope) => scope.region).sort()).toEqual(['eu-west-1', 'global']);
    const audit = await readJson<AuditReport>(runKeys.report(second.run.runId, 'report.json'));
    const carried = audit.findings.filter(
      (finding) => finding.account === AUDIT_ACCOUNT && finding.region === REGIONS[0],
    );
    expect(carried.length).toBeGreaterThan(0);
    for (const finding of carried) {
      expect(finding.status).toBe('UNKNOWN');
      expect(finding.message).toMatch(/^not read in this scan/);
    }
    // Those open in the first scan are still open, dated from the first scan, not new.
    const store = openHistoryStore(`s3://${BUCKET}/history`, { s3: { forcePathStyle: true } });
    const firstRecord = (await readHistoryView(store, { id: first.result.historyId, trendLength: 1 }))
      .current;
    const stillOpen = carried.filter((finding) => finding.change === 'still_open');
    expect(stillOpen.length).toBeGreaterThan(0);
    for (const finding of stillOpen)
      expect(finding.first_seen).toBe(firstRecord.record.open_since[finding.fingerprint]);
    expect(carried.filter((finding) => finding.change === 'new')).toEqual([]);
    expect(audit.scan.coverage.input_errors.map((error) => error.message)).toEqual(
      expect.arrayContaining([expect.stringContaining(`account ${AUDIT_ACCOUNT}, eu-west-1`)]),
    );
  });

  test('the topic is told of each scan’s new critical findings and of the parts not read, once each', async () => {
    expect(second.result).toMatchObject({ notified: true, newCritical: 1 });
    const received = await notifications();
    expect(received.map((message) => message.Subject).sort()).toEqual([
      'lexguard audit: 1 new critical finding(s), 2 part(s) of the estate not read',
      'lexguard audit: 2 new critical finding(s)',
    ]);
    const firstMessage = received.find((message) => message.Subject.includes('2 new critical'));
    expect(firstMessage?.Message).toContain(`FAIL LG-IAM-004 arn:aws:iam::${AUDIT_ACCOUNT}:root`);
    // The roots' findings, still open, are not new in the second scan: told once.
    const notification = received.find((message) => message.Subject.includes('not read'));
    if (!notification) throw new Error('no notification of the second scan');
    expect(notification.Message).not.toContain('LG-IAM-004');
    expect(notification.Message).toContain('FAIL LG-S3-008 arn:aws:s3:::member-docs');
    expect(notification.Message).toContain(`account ${AUDIT_ACCOUNT}, eu-west-1: no result`);
    expect(notification.Message).toContain(
      `s3://${BUCKET}/${runKeys.report(second.run.runId, 'report.html')}`,
    );
  });
});
