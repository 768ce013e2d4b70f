/**
 * A one-bucket CDK app with lexguard registered as its validation plugin, for the test that runs the
 * real `cdk synth` on it. LEXGUARD_WEAKEN=encryption weakens the bucket's encryption (LG-S3-001).
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LexguardValidationPlugin } from '../../../scanner/cdk';

const app = new App();
Validations.of(app).addPlugins(new LexguardValidationPlugin());
const stack = new Stack(app, 'DocumentStore');
new s3.Bucket(stack, 'Documents', {
  ...(process.env.LEXGUARD_WEAKEN === 'encryption'
    ? { encryption: s3.BucketEncryption.S3_MANAGED }
    : { encryptionKey: new kms.Key(stack, 'DocumentsKey', { enableKeyRotation: true }) }),
  enforceSSL: true,
});
app.synth();
