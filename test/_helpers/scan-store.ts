import { attestedControlIds, loadAttestationsFile } from '../../scanner/attestations/load-attestations';
import { DEFAULT_CONFIG } from '../../scanner/config/load-config';
import type { PolicyEngine } from '../../scanner/engine/policy-engine';
import type { Finding } from '../../scanner/findings/finding';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { scanAssembly } from '../../scanner/scan/scan-assembly';
import { ruleConfigFor } from '../../lib/config/scan-config';
import { fixture } from './paths';
import type { BuiltStore } from './store-app';

/**
 * Scans a built store's cloud assembly with lexguard, as `lexguard scan assembly cdk.out` would, judged by
 * the approved values of the store's own configuration, with every practice no API shows attested.
 */
export function scanStore(store: BuiltStore, engine: PolicyEngine): ScanReport {
  store.assembly();
  return scanAssembly({
    dir: store.app.outdir,
    engine,
    config: { ...DEFAULT_CONFIG, rules: ruleConfigFor(store.config) },
    attestations: loadAttestationsFile(
      attestedControlIds(engine.manifest.catalog),
      fixture('attestations', 'all-current.yaml'),
    ),
  });
}

/** `LG-S3-001 FAIL ExampleLlpDocumentStore/AccessLogsBucket…: message`, for readable assertion failures. */
export function describeFinding(finding: Finding): string {
  return `${finding.rule_id} ${finding.status} ${finding.resource.id}: ${finding.message}`;
}
