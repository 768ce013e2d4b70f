import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addGuardrails } from '../../lib/aspects/guardrails';
import type { AuditConfig } from '../../lib/config/audit-config';
import { AUDIT_CONTEXT_KEY, readAuditConfig } from '../../lib/config/read-audit-config';
import { readStoreConfig } from '../../lib/config/read-store-config';
import { ruleConfigFor } from '../../lib/config/scan-config';
import { addAuditScanner, type AuditScannerStacks } from '../../lib/stacks/audit-app';
import { addDocumentStore } from '../../lib/stacks/document-store-app';
import { cdkJsonContext } from './store-app';
import { violationsIn } from './validation';

export interface BuiltAudit {
  app: App;
  audit: AuditConfig;
  stacks: AuditScannerStacks;
  assembly(): CloudAssembly;
  /** The template of a stack of the app, synthesized once. */
  template(stackName: string): Template;
  /** The synthesized template files of every stack. */
  templateFiles(): string[];
  /** cdk-nag's and lexguard's unacknowledged findings (`plugin: rule`), read from the validation report. */
  violations(): string[];
}

export interface BuildAuditOptions {
  /** Replaces cdk.json's `auditScanner` context (`undefined`: cdk.json's as it is). */
  audit?: Record<string, unknown>;
  /** Run cdk-nag, lexguard and the data-store guardrails on synth, as `bin/document-store.ts` does. */
  guardrails?: boolean;
  /**
   * Add the document store's stacks too, as `bin/document-store.ts` does: account-wide controls (the
   * trail, the password policy) are the store's, and lexguard judges the app's stacks together.
   */
  withStore?: boolean;
}

/** Builds the scheduled audit scan's stacks as `bin/document-store.ts` does, into a fresh cloud assembly. */
export function buildAudit(options: BuildAuditOptions = {}): BuiltAudit {
  const outdir = mkdtempSync(path.join(tmpdir(), 'lexguard-audit-'));
  const context = cdkJsonContext();
  const app = new App({
    outdir,
    context: { ...context, [AUDIT_CONTEXT_KEY]: options.audit ?? context[AUDIT_CONTEXT_KEY] },
  });
  const store = readStoreConfig(app.node);
  const audit = readAuditConfig(app.node, store);
  if (options.withStore) addDocumentStore(app, store);
  const stacks = addAuditScanner(app, store, audit);
  if (options.guardrails) addGuardrails(app, ruleConfigFor(store));
  let assembly: CloudAssembly | undefined;
  const synth = (): CloudAssembly => (assembly ??= app.synth());
  return {
    app,
    audit,
    stacks,
    assembly: synth,
    template: (stackName) =>
      Template.fromJSON(synth().getStackByName(stackName).template as Record<string, unknown>),
    templateFiles: () => synth().stacks.map((stack) => path.join(outdir, stack.templateFile)),
    violations: () => violationsIn(outdir),
  };
}
