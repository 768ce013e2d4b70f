import { DEFAULT_REMEDIATION_DEADLINES } from '../../scanner/config/defaults';
import type { PolicyEngine } from '../../scanner/engine/policy-engine';
import type { Finding } from '../../scanner/findings/finding';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { scanTemplates } from '../../scanner/scan/scan-templates';
import { ruleConfigFor } from '../../lib/config/scan-config';
import type { BuiltStore } from './store-app';

/**
 * Scans a built store's synthesized templates with lexguard, as `lexguard scan template` would, judged by
 * the approved values of the store's own configuration.
 */
export function scanStore(store: BuiltStore, engine: PolicyEngine): ScanReport {
  return scanTemplates({
    paths: store.templateFiles(),
    engine,
    config: {
      rules: ruleConfigFor(store.config),
      remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
      skipRules: [],
    },
  });
}

/** `LG-S3-001 FAIL ExampleLlpDocumentStore/AccessLogsBucket…: message`, for readable assertion failures. */
export function describeFinding(finding: Finding): string {
  return `${finding.rule_id} ${finding.status} ${finding.resource.id}: ${finding.message}`;
}
