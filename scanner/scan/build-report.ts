import type { PolicyEngine } from '../engine/policy-engine';
import type { RuleMetadata } from '../engine/rule-metadata';
import type { Finding } from '../findings/finding';
import type { InputProblem, ScanNote, ScanReport } from '../findings/scan-report';
import { summarise } from '../findings/summary';
import type { SourceKind } from '../model/model';
import { lexguardVersion } from '../util/version';

export interface ReportParts {
  sourceKind: SourceKind;
  startedAt: string;
  finishedAt: string;
  targets: string[];
  findings: Finding[];
  errors: InputProblem[];
  notes: ScanNote[];
  notModelled: Record<string, number>;
  engine: PolicyEngine;
  rules: readonly RuleMetadata[];
}

/** The scan report every scan of templates or cloud assemblies returns. */
export function buildScanReport(parts: ReportParts): ScanReport {
  return {
    schema_version: '1.0',
    tool: { name: 'lexguard', version: lexguardVersion() },
    policy: {
      digest: parts.engine.manifest.source_digest,
      opa_version: parts.engine.manifest.opa_version,
      rules: parts.rules.length,
    },
    scan: {
      source_kind: parts.sourceKind,
      started_at: parts.startedAt,
      finished_at: parts.finishedAt,
      targets: parts.targets,
    },
    findings: parts.findings,
    errors: parts.errors,
    notes: parts.notes,
    not_modelled: parts.notModelled,
    summary: summarise(parts.findings),
  };
}

/** Adds counts of resource types no adapter reads. */
export function addCounts(into: Record<string, number>, counts: Record<string, number>): void {
  for (const [type, count] of Object.entries(counts)) into[type] = (into[type] ?? 0) + count;
}
