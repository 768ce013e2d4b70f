/**
 * The document store the synth benchmark builds: the app of `bin/document-store.ts` with its configuration
 * from the root cdk.json, less its validation plugins, which the benchmark adds one by one. The store's
 * read-only guardrail Aspect stays in every variant: it is part of the app, not a validation plugin.
 * (`lib/aspects/guardrails.ts` is not imported: it loads cdk-nag and lexguard, which would put their load
 * time into the plugin-less synth; the Aspect comes from `data-store-guardrails.ts`, which loads neither.)
 */
import { App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDataStoreGuardrails } from '../../../lib/aspects/data-store-guardrails';
import { readStoreConfig } from '../../../lib/config/read-store-config';
import { ruleConfigFor } from '../../../lib/config/scan-config';
import { addDocumentStore } from '../../../lib/stacks/document-store-app';
import type { RuleConfig } from '../../../scanner/model/rule-config';

export interface BenchStore {
  app: App;
  /** The approved values lexguard's plugin judges the store by, as the store's app gives them. */
  rules: RuleConfig;
}

export function buildStore(): BenchStore {
  const cdkJson = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const app = new App({ context: cdkJson.context ?? {} });
  const config = readStoreConfig(app.node);
  addDocumentStore(app, config);
  const rules = ruleConfigFor(config);
  addDataStoreGuardrails(app, rules);
  return { app, rules };
}
