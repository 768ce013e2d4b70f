import type { ErrorCode } from '../errors';
import type { Attestation, SourceKind } from '../model/model';
import type { Finding } from './finding';
import type { FindingSummary } from './summary';

/** An input that could not be scanned; the rest of the scan went on. */
export interface InputProblem {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Something lexguard could not follow in an input that was otherwise scanned (an unknown intrinsic, …). */
export interface ScanNote {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  logical_id?: string;
}

/**
 * The version of the scan report's own layout, in which every finding carries its rule's title, clauses,
 * remediation and frameworks: what a scan builds, what every reporter renders and what a history record
 * stores. Its schema is published as `docs/schema/scan-report-1.0.json`; earlier versions wrote JSON
 * reports in it, and they are still read. The JSON report now has a layout of its own, which writes a
 * rule's text once (`json-report.ts`).
 */
export const SCAN_REPORT_SCHEMA_VERSION = '1.0';

/** A suppression the scan was given, and what it did: visible in every report, used or not (CP-14). */
export interface SuppressionUse {
  rule: string;
  reason: string;
  owner: string;
  /** The last day (UTC) it holds, YYYY-MM-DD. */
  expires: string;
  /** Where it is written: `file:line:column`, with the logical id for a resource's Metadata. */
  source: string;
  /** What it covers, e.g. `resource store/Docs` or `construct_path Store/**`. */
  covers: string;
  /** `expired` once the scan's date is past `expires`: it waives nothing, and its findings fail again. */
  state: 'active' | 'expired';
  /**
   * Findings it matched: waived while active, failing again once expired. A suppression that matches no
   * FAIL or UNKNOWN finding (0) is stale, and `--strict-suppressions` fails the gate on it.
   */
  matched: number;
}

/** Everything one scan found: what every reporter renders. Its JSON form is lexguard's JSON output. */
export interface ScanReport {
  /** Version of this document's layout; bumped on any incompatible change. */
  schema_version: typeof SCAN_REPORT_SCHEMA_VERSION;
  tool: { name: 'lexguard'; version: string };
  policy: { digest: string; opa_version: string; rules: number };
  scan: {
    source_kind: SourceKind;
    started_at: string;
    finished_at: string;
    /** What was scanned: template files, stacks, accounts. */
    targets: string[];
  };
  findings: Finding[];
  errors: InputProblem[];
  notes: ScanNote[];
  /** Every suppression given to the scan (file and resource Metadata) and what it matched. */
  suppressions: SuppressionUse[];
  /** Resource types read but not modelled by any adapter, with counts: visible gaps in coverage. */
  not_modelled: Record<string, number>;
  summary: FindingSummary;
  /** Live scans only: what was read, how many API calls it took, and what could not be read. */
  live?: LiveScanSummary;
  /** Attested controls (practices no API shows, e.g. `CP-15.training`) with owner, date and evidence. */
  attestations?: Record<string, Attestation>;
}

/** The API calls of a live scan and the share of the estate they could read (fail-closed coverage). */
export interface LiveScanSummary {
  accounts: string[];
  regions: string[];
  calls: {
    made: number;
    attempts: number;
    retried: number;
    absent: number;
    failed: number;
    failures_by_code: Record<string, number>;
  };
  coverage: {
    /** Share of calls that answered (with a value or an explicit "not configured"), 0 to 1. */
    calls_answered: number;
    resources: number;
    /** Resources read without any failed call behind them. */
    resources_complete: number;
  };
  /** Wall time of the collection, and the part of it spent waiting on AWS (ms). */
  wall_ms: number;
  waiting_ms: number;
}
