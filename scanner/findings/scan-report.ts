import type { ErrorCode } from '../errors';
import type { SourceKind } from '../model/model';
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

/** Everything one scan found: what every reporter renders. Its JSON form is lexguard's JSON output. */
export interface ScanReport {
  /** Version of this document's layout; bumped on any incompatible change. */
  schema_version: '1.0';
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
  /** Resource types read but not modelled by any adapter, with counts: visible gaps in coverage. */
  not_modelled: Record<string, number>;
  summary: FindingSummary;
  /** Live scans only: what was read, how many API calls it took, and what could not be read. */
  live?: LiveScanSummary;
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
