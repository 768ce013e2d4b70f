import { readFileSync } from 'node:fs';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import {
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AttachRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { BLOCK_ALL_PUBLIC_ACCESS, tlsOnlyPolicy } from './live-estate';
import { MOTO_ACCOUNT } from './moto';
import { fixture } from './paths';

export const PARITY_TEMPLATE = fixture('live', 'parity.yaml');
export const PARITY_STACK = 'parity';

/**
 * Deploys the parity template into moto through moto's CloudFormation, then applies with SDK calls what
 * moto 5.2.5's CloudFormation leaves out, mirroring the template exactly: it has no
 * `AWS::S3::BucketPolicy`; it ignores a bucket's `PublicAccessBlockConfiguration`,
 * `VersioningConfiguration` and `BucketKeyEnabled`, and a role's `ManagedPolicyArns`; and it stores a key's `KeyPolicy` so that `DescribeKey` on the key fails (a moto
 * bug) until the policy is put again. moto also leaves out AWS's defaults for new buckets (Block Public
 * Access, BucketOwnerEnforced), which are applied too. Returns the stack's logical id → physical id.
 */
export async function deployParityStack(): Promise<Map<string, string>> {
  // One attempt: moto creates the stack synchronously, and a retried CreateStack would find it exists.
  const cloudformation = new CloudFormationClient({ maxAttempts: 1 });
  const s3 = new S3Client({});
  const kms = new KMSClient({});
  const iam = new IAMClient({});
  try {
    await cloudformation.send(
      new CreateStackCommand({
        StackName: PARITY_STACK,
        TemplateBody: readFileSync(PARITY_TEMPLATE, 'utf8'),
      }),
    );
    const listed = await cloudformation.send(new DescribeStackResourcesCommand({ StackName: PARITY_STACK }));
    const physical = new Map(
      (listed.StackResources ?? []).map((resource) => [
        resource.LogicalResourceId ?? '',
        resource.PhysicalResourceId ?? '',
      ]),
    );
    for (const key of ['DocsKey', 'PlainKey']) {
      await kms.send(
        new PutKeyPolicyCommand({
          KeyId: physical.get(key),
          PolicyName: 'default',
          Policy: ACCOUNT_ADMINISTERS,
        }),
      );
    }
    // AWS gives every new bucket Block Public Access and BucketOwnerEnforced (since 2023), and the
    // template's readers assume it; moto does not, so the defaults are applied as AWS would.
    for (const bucket of ['DocsBucket', 'AesBucket', 'AwsKeyBucket'].map((id) => physical.get(id))) {
      await s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
        }),
      );
      await s3.send(
        new PutBucketOwnershipControlsCommand({
          Bucket: bucket,
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        }),
      );
    }
    const docs = physical.get('DocsBucket') ?? '';
    const keyId = physical.get('DocsKey') ?? '';
    await s3.send(new PutBucketPolicyCommand({ Bucket: docs, Policy: tlsOnlyPolicy(docs) }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: docs, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: docs,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: `arn:aws:kms:eu-west-1:123456789012:key/${keyId}`,
              },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    await iam.send(
      new AttachRolePolicyCommand({
        RoleName: physical.get('ScannerRole'),
        PolicyArn: physical.get('ReadDocsPolicy'),
      }),
    );
    return physical;
  } finally {
    iam.destroy();
    cloudformation.destroy();
    s3.destroy();
    kms.destroy();
  }
}

/** The key policy of parity.yaml's keys, as deployed in moto's account. */
const ACCOUNT_ADMINISTERS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AccountAdministers',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});
