#!/usr/bin/env node
/**
 * The CDK app of the firm's document store and its scheduled audit scan: `npx cdk synth` / `npx cdk
 * deploy`. Configuration comes from the `documentStore` and `auditScanner` contexts in cdk.json; a bad
 * value stops the synth with one line naming it.
 */
import { App } from 'aws-cdk-lib';
import { addGuardrails } from '../lib/aspects/guardrails';
import { readAuditConfig } from '../lib/config/read-audit-config';
import { readStoreConfig } from '../lib/config/read-store-config';
import { ruleConfigFor } from '../lib/config/scan-config';
import { addAuditScanner } from '../lib/stacks/audit-app';
import { addDocumentStore } from '../lib/stacks/document-store-app';
import { LexguardError } from '../scanner/errors';

try {
  const app = new App();
  const config = readStoreConfig(app.node);
  const audit = readAuditConfig(app.node, config);
  addDocumentStore(app, config);
  addAuditScanner(app, config, audit);
  addGuardrails(app, ruleConfigFor(config));
  app.synth();
} catch (thrown) {
  if (!(thrown instanceof LexguardError)) throw thrown;
  console.error(`lexguard: ${thrown.describe()}`);
  process.exitCode = 2;
}
