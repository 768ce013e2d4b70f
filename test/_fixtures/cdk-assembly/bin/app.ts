/**
 * A small CDK app for lexguard's assembly tests: two stacks linked by a cross-stack reference (the
 * bucket in Storage encrypts with the key Keys exports), a nested stack, and a stage with its own
 * stack. `test/_fixtures/cdk-assembly/cdk.out` is its synthesized cloud assembly (see README.md beside it).
 */
import { App, NestedStack, Stack, Stage, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

class KeysStack extends Stack {
  readonly documentsKey: kms.Key;
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.documentsKey = new kms.Key(this, 'DocumentsKey', { enableKeyRotation: true });
    // A key that does not rotate: LG-KMS-001 fails on it.
    new kms.Key(this, 'LegacyKey', { enableKeyRotation: false });
  }
}

class AuditNestedStack extends NestedStack {
  constructor(scope: Construct, id: string, key: kms.IKey) {
    super(scope, id);
    // Encrypted with the parent's key, passed in as a nested stack parameter.
    new s3.Bucket(this, 'AuditBucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true });
  }
}

class StorageStack extends Stack {
  constructor(scope: Construct, id: string, key: kms.IKey, props?: StackProps) {
    super(scope, id, props);
    new s3.Bucket(this, 'Documents', { encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true });
    // No TLS-only policy and S3-managed encryption: LG-S3-001 and LG-S3-003 fail on it.
    new s3.Bucket(this, 'Scratch', { encryption: s3.BucketEncryption.S3_MANAGED });
    new AuditNestedStack(this, 'Audit', new kms.Key(this, 'AuditKey', { enableKeyRotation: true }));
  }
}

class DisasterRecoveryStage extends Stage {
  constructor(scope: Construct, id: string) {
    super(scope, id, { env: { account: '111122223333', region: 'eu-central-1' } });
    const stack = new Stack(this, 'Replica');
    new s3.Bucket(stack, 'ReplicaDocuments', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: new kms.Key(stack, 'ReplicaKey', { enableKeyRotation: true }),
      enforceSSL: true,
    });
  }
}

const app = new App();
const keys = new KeysStack(app, 'Keys', { env: { account: '111122223333', region: 'eu-west-1' } });
new StorageStack(app, 'Storage', keys.documentsKey, { env: { account: '111122223333', region: 'eu-west-1' } });
new DisasterRecoveryStage(app, 'DR');
app.synth();
