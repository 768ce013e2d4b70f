import { DisableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { PutBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import type { StackDrift } from '../../../scanner/drift/drift-stack';
import { pointSdkAt } from '../../_helpers/aws-env';
import { runCli } from '../../_helpers/cli';
import { startMoto, type Moto } from '../../_helpers/moto';
import { deployParityStack, PARITY_STACK } from '../../_helpers/parity-stack';

/** `lexguard drift` on a stack deployed into moto by its CloudFormation, before and after changes made outside it. */
let moto: Moto;
let restore: () => void;
let physical: Map<string, string>;

beforeAll(async () => {
  moto = await startMoto();
  restore = pointSdkAt(moto.endpoint);
  physical = await deployParityStack();
}, 120_000);

afterAll(async () => {
  restore?.();
  await moto?.stop();
});

async function drift(): Promise<{ code: number; drift: StackDrift; differences: Set<string> }> {
  const run = await runCli(['drift', PARITY_STACK, '--region', 'eu-west-1', '--format', 'json']);
  const parsed = JSON.parse(run.stdout) as StackDrift;
  const differences = new Set(
    parsed.resources.flatMap((resource) =>
      resource.differences.map((difference) => `${resource.logical_id} ${difference.property}`),
    ),
  );
  return { code: run.code, drift: parsed, differences };
}

describe('lexguard drift', () => {
  test('reports exactly the security settings changed outside CloudFormation', async () => {
    const before = await drift();
    expect(before.drift.resources.map((resource) => resource.logical_id).sort()).toEqual([
      'AesBucket',
      'AlarmTopic',
      'AuditLogs',
      'AwsKeyBucket',
      'DocsBucket',
      'DocsKey',
      'PlainKey',
      'ReadDocsPolicy',
      'ScannerRole',
    ]);
    expect(before.drift.resources.filter((resource) => resource.missing || resource.compared === 0)).toEqual(
      [],
    );
    // Deployed as written (moto's gaps filled in by parity-stack.ts): nothing has drifted yet.
    expect([...before.differences]).toEqual([]);
    expect(before.code).toBe(0);

    const kms = new KMSClient({});
    const s3 = new S3Client({});
    await kms.send(new DisableKeyRotationCommand({ KeyId: physical.get('DocsKey') }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: physical.get('DocsBucket'),
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      }),
    );
    kms.destroy();
    s3.destroy();

    const after = await drift();
    const introduced = [...after.differences]
      .filter((difference) => !before.differences.has(difference))
      .sort();
    expect(introduced).toEqual([
      'DocsBucket encryption.algorithm',
      'DocsBucket encryption.bucket_key',
      'DocsBucket encryption.kms_key',
      'DocsKey rotation_enabled',
      'DocsKey rotation_period_days',
    ]);
    const algorithm = after.drift.resources
      .find((resource) => resource.logical_id === 'DocsBucket')
      ?.differences.find((difference) => difference.property === 'encryption.algorithm');
    expect(algorithm).toEqual({ property: 'encryption.algorithm', template: 'aws:kms', live: 'AES256' });
    expect(after.code).toBe(1);
  }, 60_000);

  test('a stack that does not exist is a one-line error', async () => {
    const run = await runCli(['drift', 'no-such-stack', '--region', 'eu-west-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^lexguard: stack no-such-stack: cloudformation:GetTemplate failed \(ValidationError\)/,
    );
  });
});
