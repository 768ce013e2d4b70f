/**
 * The document store the CDK tests synthesize: a documents bucket and its access-log bucket, with the
 * audit trail, alarms, backups and password policy around them (`account-baseline.ts`), that meet every
 * control a template can show, with the documents bucket's encryption chosen by the test.
 */
import { Duration, Fn, Tags, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { LexguardValidationPluginProps } from '../../../scanner/cdk';
import { accountBaseline } from './account-baseline';

/**
 * `firm-key`: SSE-KMS with a key of the stack (compliant); `s3-managed`: SSE-S3, which fails LG-S3-001;
 * `imported-key`: a key from another stack, which makes LG-S3-001 UNKNOWN.
 */
export type DocumentsEncryption = 'firm-key' | 's3-managed' | 'imported-key';

/** Log delivery granted by the log bucket's policy, so ACLs can stay disabled (LG-S3-009). */
export const APP_CONTEXT = { '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true };

/** Where the tests deploy, so that the residency rules (CP-12) and the key policy's account can be judged. */
export const DEPLOYMENT: LexguardValidationPluginProps['parameters'] = {
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '111122223333',
};

const RETENTION = Duration.days(2555);

export function documentStore(stack: Stack, encryption: DocumentsEncryption = 'firm-key'): s3.Bucket {
  // S3 delivers server access logs only to buckets encrypted with SSE-S3.
  const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ noncurrentVersionExpiration: RETENTION }],
  });
  classify(accessLogs, 'internal');
  const documents = new s3.Bucket(stack, 'Documents', {
    ...encryptionProps(stack, encryption),
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    objectLockDefaultRetention: s3.ObjectLockRetention.compliance(RETENTION),
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'documents/',
    lifecycleRules: [{ noncurrentVersionExpiration: RETENTION }],
  });
  classify(documents, 'confidential');
  accountBaseline(stack, { documents, accessLogs, classify });
  return documents;
}

function encryptionProps(stack: Stack, encryption: DocumentsEncryption): Partial<s3.BucketProps> {
  if (encryption === 's3-managed') return { encryption: s3.BucketEncryption.S3_MANAGED };
  if (encryption === 'imported-key') {
    const shared = kms.Key.fromKeyArn(stack, 'SharedKey', Fn.importValue('SharedDocumentsKeyArn'));
    return { encryptionKey: shared, bucketKeyEnabled: true };
  }
  const key = new kms.Key(stack, 'DocumentsKey', { enableKeyRotation: true });
  classify(key, 'confidential');
  return { encryptionKey: key, bucketKeyEnabled: true };
}

function classify(scope: IConstruct, classification: string): void {
  Tags.of(scope).add('data-classification', classification);
  Tags.of(scope).add('owner', 'records@firm.example');
}
