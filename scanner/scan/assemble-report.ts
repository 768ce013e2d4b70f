import type { BundleManifest } from '../engine/bundle-manifest';
import type { Finding } from '../findings/finding';
import {
  SCAN_REPORT_SCHEMA_VERSION,
  type InputProblem,
  type ScanNote,
  type ScanReport,
} from '../findings/scan-report';
import { summarise } from '../findings/summary';
import { withoutRepeatedScopeFindings } from '../findings/repeated-findings';
import type { Attestation, SourceKind } from '../model/model';
import { applySuppressions, dayOf } from '../suppressions/apply-suppressions';
import type { Suppression } from '../suppressions/suppression';
import { lexguardVersion } from '../util/version';

/** What a scan of any source has gathered, before suppressions are applied. */
export interface ScanParts {
  sourceKind: SourceKind;
  manifest: Pick<BundleManifest, 'source_digest' | 'opa_version'>;
  /** How many rules ran. */
  rules: number;
  startedAt: string;
  finishedAt: string;
  targets: string[];
  findings: Finding[];
  errors: InputProblem[];
  notes: ScanNote[];
  notModelled: Record<string, number>;
  /** The central file's suppressions and those the source read from resources' Metadata. */
  suppressions: readonly Suppression[];
  /** The attestations the scan was given, with the days left counted from the scan's start. */
  attestations?: Record<string, Attestation>;
}

/**
 * Makes the scan report every source returns: the one place suppressions are applied (against the scan's
 * start date) and the summary is counted, so a template, a cloud assembly and a live account are judged
 * alike.
 */
export function assembleReport(parts: ScanParts): ScanReport {
  const { findings, uses } = applySuppressions(
    withoutRepeatedScopeFindings(parts.findings),
    parts.suppressions,
    dayOf(parts.startedAt),
  );
  return {
    schema_version: SCAN_REPORT_SCHEMA_VERSION,
    tool: { name: 'lexguard', version: lexguardVersion() },
    policy: {
      digest: parts.manifest.source_digest,
      opa_version: parts.manifest.opa_version,
      rules: parts.rules,
    },
    scan: {
      source_kind: parts.sourceKind,
      started_at: parts.startedAt,
      finished_at: parts.finishedAt,
      targets: parts.targets,
    },
    findings,
    errors: parts.errors,
    notes: parts.notes,
    suppressions: uses,
    not_modelled: parts.notModelled,
    summary: summarise(findings),
    ...(parts.attestations && Object.keys(parts.attestations).length > 0
      ? { attestations: parts.attestations }
      : {}),
  };
}
