import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addGuardrails } from '../../lib/aspects/guardrails';
import { readStoreConfig, STORE_CONTEXT_KEY } from '../../lib/config/read-store-config';
import { ruleConfigFor } from '../../lib/config/scan-config';
import { SECURE_CONTROLS, type SecurityControls } from '../../lib/config/security-controls';
import type { StoreConfig } from '../../lib/config/store-config';
import { addDocumentStore, type DocumentStoreStacks } from '../../lib/stacks/document-store-app';
import { ROOT } from './paths';

/**
 * The context the CDK CLI gives the app: cdk.json's, plus what the CLI itself adds by default, so an app
 * built here synthesizes exactly the templates `npx cdk synth` writes.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return {
    ...cdkJson.context,
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:version-reporting': false,
    'aws:cdk:bundling-stacks': ['**'],
  };
}

/** The document store's configuration from cdk.json, with some keys replaced. */
export function storeContext(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(cdkJsonContext()[STORE_CONTEXT_KEY] as Record<string, unknown>), ...overrides };
}

export interface BuiltStore {
  app: App;
  config: StoreConfig;
  stacks: DocumentStoreStacks;
  /** Synthesizes (once) and returns the cloud assembly. */
  assembly(): CloudAssembly;
  /** The synthesized template files of the three stacks. */
  templateFiles(): string[];
  template(stack: Stack): Template;
}

export interface BuildOptions {
  controls?: Partial<SecurityControls>;
  /** Run cdk-nag and the data-store guardrails, as `bin/document-store.ts` does. */
  guardrails?: boolean;
  context?: Record<string, unknown>;
}

/** Builds the document store as `bin/document-store.ts` does, into a fresh temporary cloud assembly. */
export function buildStore(options: BuildOptions = {}): BuiltStore {
  const outdir = mkdtempSync(path.join(tmpdir(), 'lexguard-store-'));
  const app = new App({
    outdir,
    context: { ...cdkJsonContext(), [STORE_CONTEXT_KEY]: storeContext(options.context) },
  });
  const config = readStoreConfig(app.node);
  const stacks = addDocumentStore(app, config, { ...SECURE_CONTROLS, ...options.controls });
  if (options.guardrails) addGuardrails(app, ruleConfigFor(config));
  let assembly: CloudAssembly | undefined;
  const synth = (): CloudAssembly => (assembly ??= app.synth());
  return {
    app,
    config,
    stacks,
    assembly: synth,
    templateFiles: () => synth().stacks.map((stack) => path.join(outdir, stack.templateFile)),
    template: (stack) =>
      Template.fromJSON(synth().getStackByName(stack.stackName).template as Record<string, unknown>),
  };
}
