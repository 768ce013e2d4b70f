import type { BundleManifest } from '../engine/bundle-manifest';
import type { ScanReport } from './scan-report';
import { summarise } from './summary';

/** What verifying a report against the installed policy bundle found. */
export interface ReportVerification {
  /** Every way the report disagrees with the bundle or with itself; empty when it verifies. */
  problems: string[];
  /** The bundle's digest and rule count, for the one-line answer. */
  bundle: { digest: string; rules: number };
}

/**
 * Checks a scan report (already read and checked against its published schema) against the policy bundle
 * installed here: it must name the bundle's digest (so its verdicts came from these rules), the same OPA
 * version and number of rules, only rule ids the bundle holds, and a summary that counts its own findings
 * (an edited status that left the summary behind shows up here). It does not prove who wrote the report:
 * that is what signing the file, outside lexguard, is for.
 */
export function verifyReport(report: ScanReport, manifest: BundleManifest): ReportVerification {
  const problems: string[] = [];
  const digest = manifest.source_digest;
  if (report.policy.digest !== digest) {
    problems.push(
      `its policy digest ${report.policy.digest} is not the installed bundle's (${digest}): it was judged by other rules`,
    );
  }
  if (report.policy.opa_version !== manifest.opa_version) {
    problems.push(
      `it names OPA ${report.policy.opa_version}, the bundle was built with ${manifest.opa_version}`,
    );
  }
  if (report.policy.rules !== manifest.rules.length) {
    problems.push(`it names ${report.policy.rules} rules, the bundle holds ${manifest.rules.length}`);
  }
  const known = new Set(manifest.rules.map((rule) => rule.id));
  const unknownRules = [...new Set(report.findings.map((finding) => finding.rule_id))].filter(
    (id) => !known.has(id),
  );
  if (unknownRules.length > 0)
    problems.push(`its findings name rules the bundle lacks: ${unknownRules.join(', ')}`);
  if (JSON.stringify(summarise(report.findings)) !== JSON.stringify(report.summary)) {
    problems.push('its summary does not count its findings (a status or finding was edited)');
  }
  return { problems, bundle: { digest, rules: manifest.rules.length } };
}
