/**
 * Live-scan benchmark against moto (not part of `npm test`): builds an estate of N buckets, keys and IAM
 * users in moto, scans it with `scanLive`, and prints wall time, API calls per resource, the share of wall
 * time spent waiting on the emulator and lexguard's own CPU time, at several sizes to show how cost grows.
 *
 *   npm run bench:live                 # sizes 0.5 and 1 (1 = 1,000 buckets, 200 keys, 500 users)
 *   npm run bench:live -- 0.25 0.5 1   # other sizes
 */
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { DEFAULT_CONFIG } from '../scanner/config/load-config';
import { PolicyEngine } from '../scanner/engine/policy-engine';
import { scanLive } from '../scanner/scan/scan-live';
import { pointSdkAt, TEST_REGION } from '../test/_helpers/aws-env';
import { startMoto } from '../test/_helpers/moto';

const FULL = { buckets: 1000, keys: 200, users: 500 };

interface Result {
  scale: number;
  resources: number;
  buildS: number;
  wallS: number;
  calls: number;
  callsPerResource: number;
  waitingShare: number;
  cpuS: number;
  msPerResource: number;
}

async function buildEstate(scale: number): Promise<number> {
  const sizes = {
    buckets: Math.round(FULL.buckets * scale),
    keys: Math.round(FULL.keys * scale),
    users: Math.round(FULL.users * scale),
  };
  const s3 = new S3Client({});
  const kms = new KMSClient({});
  const iam = new IAMClient({});
  const limit = pLimit(16);
  const jobs: Array<Promise<unknown>> = [];
  for (let i = 0; i < sizes.buckets; i++) {
    const Bucket = `bench-${i}`;
    jobs.push(
      limit(async () => {
        await s3.send(
          new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: TEST_REGION } }),
        );
        if (i % 2 === 0)
          await s3.send(
            new PutBucketEncryptionCommand({
              Bucket,
              ServerSideEncryptionConfiguration: {
                Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
              },
            }),
          );
      }),
    );
  }
  for (let i = 0; i < sizes.keys; i++) {
    jobs.push(
      limit(async () => {
        const key = await kms.send(new CreateKeyCommand({ Description: `bench ${i}` }));
        if (i % 2 === 0) await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata?.KeyId }));
      }),
    );
  }
  for (let i = 0; i < sizes.users; i++)
    jobs.push(limit(() => iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` }))));
  await Promise.all(jobs);
  for (const client of [s3, kms, iam]) client.destroy();
  return sizes.buckets + sizes.keys + sizes.users;
}

async function runAt(scale: number, engine: PolicyEngine): Promise<Result> {
  const moto = await startMoto();
  const restore = pointSdkAt(moto.endpoint);
  try {
    const built = Date.now();
    const resources = await buildEstate(scale);
    const buildS = (Date.now() - built) / 1000;
    const cpu = process.cpuUsage();
    const started = Date.now();
    const { report } = await scanLive({
      engine,
      config: DEFAULT_CONFIG,
      accounts: { kind: 'current' },
      regions: [TEST_REGION],
      homeRegion: TEST_REGION,
      tuning: { callTimeoutMs: 120_000, attemptTimeoutMs: 60_000 },
    });
    const wallMs = Date.now() - started;
    const used = process.cpuUsage(cpu);
    const live = report.live;
    if (!live) throw new Error('the scan returned no live summary');
    if (live.calls.failed > 0)
      throw new Error(`${live.calls.failed} calls failed: ${JSON.stringify(live.calls.failures_by_code)}`);
    return {
      scale,
      resources,
      buildS,
      wallS: wallMs / 1000,
      calls: live.calls.made,
      callsPerResource: live.calls.made / resources,
      waitingShare: live.waiting_ms / wallMs,
      cpuS: (used.user + used.system) / 1e6,
      msPerResource: wallMs / resources,
    };
  } finally {
    restore();
    await moto.stop();
  }
}

async function main(): Promise<void> {
  const scales = process.argv
    .slice(2)
    .map(Number)
    .filter((value) => value > 0);
  const engine = await PolicyEngine.load();
  const results: Result[] = [];
  for (const scale of scales.length > 0 ? scales : [0.5, 1]) {
    process.stderr.write(`bench:live: scale ${scale}…\n`);
    results.push(await runAt(scale, engine));
  }
  console.log(
    '| scale | resources | build (s) | scan wall (s) | API calls | calls/resource | waiting on moto | lexguard CPU (s) | wall ms/resource | CPU ms/resource |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.scale} | ${r.resources} | ${r.buildS.toFixed(1)} | ${r.wallS.toFixed(1)} | ${r.calls} | ${r.callsPerResource.toFixed(2)} | ${(r.waitingShare * 100).toFixed(0)}% | ${r.cpuS.toFixed(1)} | ${r.msPerResource.toFixed(1)} | ${((r.cpuS * 1000) / r.resources).toFixed(1)} |`,
    );
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    const ratio = (a: number, b: number): string => (a / b).toFixed(2);
    const size = ratio(large.resources, small.resources);
    console.log(
      `\nfor ${size}x the resources: API calls ${ratio(large.calls, small.calls)}x, lexguard CPU ${ratio(large.cpuS, small.cpuS)}x, ` +
        `wall time ${ratio(large.wallS, small.wallS)}x (${size}x is linear)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`bench:live: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
