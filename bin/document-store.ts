#!/usr/bin/env node
/**
 * The CDK app of the firm's document store: `npx cdk synth` / `npx cdk deploy`. Configuration comes from
 * the `documentStore` context in cdk.json; a bad value stops the synth with one line naming it.
 */
import { App } from 'aws-cdk-lib';
import { addGuardrails } from '../lib/aspects/guardrails';
import { readStoreConfig } from '../lib/config/read-store-config';
import { ruleConfigFor } from '../lib/config/scan-config';
import { addDocumentStore } from '../lib/stacks/document-store-app';
import { LexguardError } from '../scanner/errors';

try {
  const app = new App();
  const config = readStoreConfig(app.node);
  addDocumentStore(app, config);
  addGuardrails(app, ruleConfigFor(config));
  app.synth();
} catch (thrown) {
  if (!(thrown instanceof LexguardError)) throw thrown;
  console.error(`lexguard: ${thrown.describe()}`);
  process.exitCode = 2;
}
