import path from 'node:path';
import { DEFAULT_REMEDIATION_DEADLINES } from '../../scanner/config/defaults';
import type { PolicyEngine } from '../../scanner/engine/policy-engine';
import type { Finding } from '../../scanner/findings/finding';
import type { InputProblem } from '../../scanner/findings/scan-report';
import { scanTemplates } from '../../scanner/scan/scan-templates';
import { ruleConfigFor } from '../../lib/config/scan-config';
import type { BuiltStore } from './store-app';

export interface StoreScan {
  findings: Finding[];
  errors: InputProblem[];
}

/**
 * Scans a built store's synthesized templates with lexguard, as `lexguard scan template` would, judged by
 * the approved values of the store's own configuration: each stack's template on its own.
 */
export function scanStore(store: BuiltStore, engine: PolicyEngine): StoreScan {
  const config = {
    rules: ruleConfigFor(store.config),
    remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
    skipRules: [],
  };
  const scan: StoreScan = { findings: [], errors: [] };
  for (const stack of store.assembly().stacks) {
    const report = scanTemplates({
      paths: [path.join(store.app.outdir, stack.templateFile)],
      engine,
      config,
    });
    scan.findings.push(...report.findings);
    scan.errors.push(...report.errors);
  }
  return scan;
}

/** `LG-S3-001 FAIL ExampleLlpDocumentStore.template/AccessLogsBucket…: message`, for readable assertion failures. */
export function describeFinding(finding: Finding): string {
  return `${finding.rule_id} ${finding.status} ${finding.resource.id}: ${finding.message}`;
}
