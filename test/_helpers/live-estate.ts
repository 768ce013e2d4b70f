import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  EnableKeyRotationCommand,
  KMSClient,
} from '@aws-sdk/client-kms';
import { TEST_REGION } from './aws-env';

/** What the estate builders created, by the short names the expectation tables use. */
export interface Estate {
  /** Short name → model id (the ARN). */
  ids: Record<string, string>;
}

/** All four Block Public Access flags on, for a bucket or the account (CP-07). */
export const BLOCK_ALL_PUBLIC_ACCESS = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

const TAGS = [
  { Key: 'data-classification', Value: 'confidential' },
  { Key: 'owner', Value: 'records@firm.example' },
];

/** The TLS-only bucket policy a compliant bucket carries (CP-02). */
export function tlsOnlyPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

/**
 * Creates, through the real SDK against the emulator, the estate the live tests judge:
 * - `docs-key`: customer managed key, rotation on (compliant);
 * - `plain-key`: customer managed key, rotation off;
 * - `docs`: SSE-KMS with `docs-key`, TLS-only policy, Block Public Access, versioning, tags (compliant),
 *   tagged for the daily backup;
 * - `aes`: SSE-S3 (AES256) and no bucket policy;
 * - `awskey`: SSE-KMS with the AWS managed key and a policy that does not deny plain HTTP.
 */
export async function buildEstate(prefix: string): Promise<Estate> {
  const kms = new KMSClient({});
  const s3 = new S3Client({});
  const ids: Record<string, string> = {};
  try {
    const docsKey = await kms.send(
      new CreateKeyCommand({
        Description: 'documents',
        Tags: [{ TagKey: 'owner', TagValue: 'records@firm.example' }],
      }),
    );
    const docsKeyId = docsKey.KeyMetadata?.KeyId ?? '';
    await kms.send(new EnableKeyRotationCommand({ KeyId: docsKeyId }));
    await kms.send(new CreateAliasCommand({ AliasName: `alias/${prefix}-docs`, TargetKeyId: docsKeyId }));
    ids['docs-key'] = docsKey.KeyMetadata?.Arn ?? '';
    const plainKey = await kms.send(new CreateKeyCommand({ Description: 'no rotation' }));
    ids['plain-key'] = plainKey.KeyMetadata?.Arn ?? '';

    const bucket = async (short: string, setup: (name: string) => Promise<void>): Promise<void> => {
      const name = `${prefix}-${short}`;
      await s3.send(
        new CreateBucketCommand({
          Bucket: name,
          CreateBucketConfiguration: { LocationConstraint: TEST_REGION },
        }),
      );
      await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: TAGS } }));
      await setup(name);
      ids[short] = `arn:aws:s3:::${name}`;
    };
    await bucket('docs', async (Bucket) => {
      // The backup selection (recorded-backup.ts) covers it by ARN and requires the tag backup=daily.
      await s3.send(
        new PutBucketTaggingCommand({
          Bucket,
          Tagging: { TagSet: [...TAGS, { Key: 'backup', Value: 'daily' }] },
        }),
      );
      await s3.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: ids['docs-key'],
                },
                BucketKeyEnabled: true,
              },
            ],
          },
        }),
      );
      await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: tlsOnlyPolicy(Bucket) }));
      await s3.send(
        new PutPublicAccessBlockCommand({
          Bucket,
          PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
        }),
      );
      await s3.send(
        new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
      );
    });
    await bucket('aes', async (Bucket) => {
      await s3.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        }),
      );
    });
    await bucket('awskey', async (Bucket) => {
      await s3.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
          },
        }),
      );
      const allowOnly = JSON.parse(tlsOnlyPolicy(Bucket)) as { Statement: Array<Record<string, unknown>> };
      allowOnly.Statement[0].Effect = 'Allow';
      allowOnly.Statement[0].Principal = { AWS: 'arn:aws:iam::123456789012:root' };
      await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify(allowOnly) }));
    });
  } finally {
    kms.destroy();
    s3.destroy();
  }
  return { ids };
}
