import type { Finding, Waiver } from '../findings/finding';
import type { InputProblem } from '../findings/scan-report';
import type { Severity } from '../findings/severity';
import type { Status } from '../findings/status';
import type { TrendPoint } from '../history/read-history';
import type { StatusTally } from './tally';

/**
 * Everything an audit report shows, computed once from a scan, the scan before it and the configuration;
 * the HTML, Markdown, CSV and JSON audit reporters only lay it out.
 */
export interface AuditReport {
  /** The clock the ages and deadlines were computed against (ISO 8601). */
  as_of: string;
  scan: AuditScanMetadata;
  totals: StatusTally;
  clauses: ClauseStatus[];
  /** Why clause titles are missing, when they are. */
  catalog_note?: string;
  frameworks: FrameworkSection;
  severities: Array<{ severity: Severity; deadline_days: number; tally: StatusTally }>;
  /** Per account and region (live) or per template file. */
  scopes: Array<{ scope: string; account?: string; region?: string; tally: StatusTally }>;
  resources: ResourceStatus[];
  findings: AuditFinding[];
  changes: ChangeCounts;
  /** Findings open in the previous scan and no longer open. */
  fixed: FixedFinding[];
  attestations: AttestationRow[];
  trend: TrendPoint[];
  remediation_deadlines: Record<Severity, number>;
}

export interface AuditScanMetadata {
  lexguard_version: string;
  policy_digest: string;
  opa_version: string;
  rules: number;
  source_kind: string;
  started_at: string;
  finished_at: string;
  targets: string[];
  accounts: string[];
  regions: string[];
  /** The history record this report is about; absent for a scan that was not stored. */
  history_id?: string;
  /** The scan compared with; absent for the first scan of a history. */
  previous?: { id: string; started_at: string };
  coverage: {
    resources: number;
    findings: number;
    /** Resource types read but not modelled by any adapter, with counts. */
    not_modelled: Record<string, number>;
    input_errors: InputProblem[];
    notes: number;
  };
}

/** A clause's verdict: the worst of its findings, or how it is shown when no rule checks it. */
export type ClauseVerdict = 'FAIL' | 'UNKNOWN' | 'WAIVED' | 'PASS' | 'MANUAL' | 'NOT_ASSESSED';

export interface ClauseStatus {
  id: string;
  title?: string;
  verdict: ClauseVerdict;
  tally: StatusTally;
  rules: string[];
  /** Attested controls that serve the clause (`CP-15.training` serves CP-15). */
  attestations: string[];
}

export interface FrameworkSection {
  /** False when no finding carries framework mappings: the report says so instead of showing nothing. */
  available: boolean;
  note?: string;
  frameworks: Array<{
    framework: string;
    tally: StatusTally;
    controls: Array<{ control: string; tally: StatusTally; rules: string[] }>;
  }>;
}

export interface ResourceStatus {
  id: string;
  kind: string;
  scope: string;
  worst: Status;
  tally: StatusTally;
}

/** How an open finding compares with the previous scan. */
export type Change = 'new' | 'regressed' | 'still_open';

export interface ChangeCounts {
  new: number;
  regressed: number;
  still_open: number;
  fixed: number;
  /** Open in the previous scan, accepted by a suppression now: not fixed. */
  waived: number;
  overdue: number;
}

/** What a finding rests on: a place in a template, or the API calls that read a live resource. */
export type Evidence =
  | {
      kind: 'template';
      file: string;
      line?: number;
      column?: number;
      logical_id: string;
      property_path?: string;
      construct_path?: string;
      stack?: string;
    }
  | {
      kind: 'live';
      arn: string;
      call?: string;
      calls: Array<{ call: string; time: string; digest?: string; error?: string }>;
    }
  | { kind: 'scope'; target: string };

export interface AuditFinding {
  /** The finding's identity across scans (`findings/fingerprint.ts`). */
  fingerprint: string;
  rule_id: string;
  title: string;
  severity: Severity;
  status: Status;
  clauses: string[];
  frameworks?: Finding['frameworks'];
  message: string;
  remediation: string;
  resource: Finding['resource'];
  property?: string;
  scope: string;
  account?: string;
  region?: string;
  /** One line a reader can follow: `file:line (LogicalId)` or `arn [s3:GetBucketPolicy]`. */
  where: string;
  evidence: Evidence;
  waiver?: Waiver & { expired: boolean };
  scenario?: string;
  /** For open findings only. */
  change?: Change;
  first_seen?: string;
  age_days?: number;
  deadline_days?: number;
  due?: string;
  /** Negative once overdue. */
  days_left?: number;
  overdue?: boolean;
}

export interface FixedFinding {
  /** The finding's identity across scans (`findings/fingerprint.ts`). */
  fingerprint: string;
  rule_id: string;
  title: string;
  severity: Severity;
  resource: Finding['resource'];
  was: Status;
  /** The finding's status now, or `ABSENT` when this scan no longer reports it (resource removed, rule skipped). */
  now: Status | 'ABSENT';
  first_seen?: string;
}

export interface AttestationRow {
  id: string;
  clause: string;
  owner: string;
  date: string;
  evidence: string;
  expires: string;
  lapsed: boolean;
}
