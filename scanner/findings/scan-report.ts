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
  /** Attested controls (practices no API shows, e.g. `CP-15.training`) with owner, date and evidence. */
  attestations?: Record<string, Attestation>;
}
