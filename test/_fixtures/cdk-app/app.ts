/**
 * The document store as a CDK app with lexguard registered as its validation plugin, for the test that
 * runs the real `cdk synth` on it. LEXGUARD_WEAKEN=encryption weakens the documents bucket's encryption
 * (LG-S3-001).
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import path from 'node:path';
import { LexguardValidationPlugin } from '../../../scanner/cdk';
import { APP_CONTEXT, DEPLOYMENT, documentStore } from './document-store';

const app = new App({ context: APP_CONTEXT });
Validations.of(app).addPlugins(
  new LexguardValidationPlugin({
    parameters: DEPLOYMENT,
    attestationsFile: path.join(__dirname, '..', 'attestations', 'all-current.yaml'),
  }),
);
documentStore(
  new Stack(app, 'DocumentStore'),
  process.env.LEXGUARD_WEAKEN === 'encryption' ? 's3-managed' : 'firm-key',
);
app.synth();
