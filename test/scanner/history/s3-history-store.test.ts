import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { createHash } from 'node:crypto';
import { LexguardError } from '../../../scanner/errors';
import { encodeRecord } from '../../../scanner/history/history-record';
import { openHistoryStore } from '../../../scanner/history/open-history-store';
import { readHistoryView } from '../../../scanner/history/read-history';
import { readRecord, recordScan } from '../../../scanner/history/record-scan';
import { S3HistoryStore } from '../../../scanner/history/s3-history-store';
import { startMoto, type Moto } from '../../_helpers/moto';
import { fingerprintAt, scanReport, templateFinding } from '../../_helpers/scan-reports';

/** The S3 history against moto in server mode: real HTTP, real SDK, real S3 semantics as moto emulates them. */
describe('S3HistoryStore (moto server)', () => {
  let moto: Moto;
  let s3: S3Client;
  let keyArn: string;
  const bucket = 'lexguard-reports';

  beforeAll(async () => {
    moto = await startMoto();
    const config = { endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials };
    s3 = new S3Client({ ...config, forcePathStyle: true });
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    const key = await new KMSClient(config).send(new CreateKeyCommand({ Description: 'lexguard reports' }));
    keyArn = key.KeyMetadata?.Arn ?? '';
  }, 60_000);

  afterAll(async () => moto?.stop());

  const store = (prefix: string) => new S3HistoryStore({ client: s3, bucket, prefix, kmsKeyId: keyArn });
  const bucketFinding = (status: 'FAIL' | 'PASS') => templateFinding({ resource: 's/Docs', status });

  it('stores records under <prefix>/scans/, encrypted with the KMS key', async () => {
    const history = store('estate/prod');
    const { ref, outcome } = await recordScan(history, scanReport([bucketFinding('FAIL')]));
    expect(outcome).toBe('stored');
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: bucket, Key: `estate/prod/scans/${ref.id}.json` }),
    );
    expect(head.ServerSideEncryption).toBe('aws:kms');
    expect(head.SSEKMSKeyId).toBe(keyArn);
  });

  it('sends each record in one PUT carrying the SHA-256 of its bytes, for S3 to check', async () => {
    // moto accepts but does not verify x-amz-checksum-sha256, so this reads the header off the request the
    // SDK sends (a client-level observation; the request still goes to moto).
    const puts: Array<{ checksum: unknown; body: unknown }> = [];
    const client = new S3Client({
      endpoint: moto.endpoint,
      region: moto.region,
      credentials: moto.credentials,
      forcePathStyle: true,
    });
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method?: string; headers?: Record<string, string>; body?: unknown };
        if (request.method === 'PUT') {
          puts.push({ checksum: request.headers?.['x-amz-checksum-sha256'], body: request.body });
        }
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    const history = new S3HistoryStore({ client, bucket, prefix: 'estate/checksum', kmsKeyId: keyArn });
    const { ref } = await recordScan(history, scanReport([bucketFinding('FAIL')]));
    const stored = await history.read(ref);
    expect(puts).toHaveLength(1);
    expect(puts[0].checksum).toBe(createHash('sha256').update(stored).digest('base64'));
    expect(Buffer.from(puts[0].body as Uint8Array).equals(stored)).toBe(true);
  });

  it('dates findings across scans and reads the latest with the one before it', async () => {
    const history = store('estate/dating');
    await recordScan(history, scanReport([bucketFinding('FAIL')], '2026-01-01T09:00:00.000Z'));
    await recordScan(history, scanReport([bucketFinding('FAIL')], '2026-01-08T09:00:00.000Z'));
    const view = await readHistoryView(history, { trendLength: 12 });
    expect(view.current.record.open_since).toEqual({ [fingerprintAt('s/Docs')]: '2026-01-01T09:00:00.000Z' });
    expect(view.previous?.ref.started_at).toBe('2026-01-01T09:00:00.000Z');
    expect(view.trend).toHaveLength(2);
  });

  it('keeps every record of concurrent writers, and never replaces a stored record', async () => {
    const history = store('estate/concurrent');
    const scans = Array.from({ length: 12 }, (_, i) =>
      scanReport([bucketFinding('FAIL')], new Date(Date.UTC(2026, 1, 1, i)).toISOString()),
    );
    await Promise.all([
      ...scans.map((scan) => recordScan(store('estate/concurrent'), scan)),
      ...scans.slice(0, 4).map((scan) => recordScan(history, scan)),
    ]);
    const refs = await history.list();
    expect(refs).toHaveLength(12);
    for (const ref of refs) await readRecord(history, ref);
    expect((await recordScan(history, scans[0])).outcome).toBe('already-stored');
  });

  it('lists every record across listing pages', async () => {
    const history = new S3HistoryStore({ client: s3, bucket, prefix: 'estate/many', listPageSize: 10 });
    const first = encodeRecord({ format: 'lexguard-history/1', open_since: {}, report: scanReport([]) });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `estate/many/scans/${String(20260101 + i)}T000000000Z_${first.ref.id.split('_')[1]}.json`,
            Body: 'x',
          }),
        ),
      ),
    );
    expect(await history.list()).toHaveLength(25);
  });

  it('says which history and which S3 error when the bucket is missing', async () => {
    const missing = new S3HistoryStore({ client: s3, bucket: 'no-such-bucket', prefix: 'p' });
    const error = await missing.list().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LexguardError);
    expect((error as LexguardError).message).toMatch(
      /^cannot list in the scan history s3:\/\/no-such-bucket\/p: NoSuchBucket/,
    );
  });

  it('opens s3:// locations and refuses malformed ones', () => {
    expect(openHistoryStore('s3://lexguard-reports/estate/prod/').location).toBe(
      's3://lexguard-reports/estate/prod',
    );
    expect(() => openHistoryStore('s3://Bad_Bucket/x')).toThrow(/not an S3 location/);
  });
});
