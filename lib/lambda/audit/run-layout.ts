/**
 * Where one scheduled scan keeps its files in the reports bucket, and what its steps pass each other. The
 * steps hand over S3 keys, never scan data: Step Functions limits a state's payload to 256 KiB, and a
 * scan of hundreds of accounts is far larger.
 *
 * ```
 * runs/<run>/targets.json                    list-targets: the accounts and regions (the Distributed Map's items)
 * runs/<run>/parts/<account>/<region>.json   collect-region: one region of one account, read, not yet linked
 * runs/<run>/accounts/<account>.json         judge-account: the account's scan report and what it could not read
 * runs/<run>/map/…                           Step Functions' record of the Map Run (its ResultWriter)
 * history/scans/<id>.json                    finalise: the scan history (lexguard's S3 history store)
 * reports/<run>/report.{html,json,csv}       finalise: the audit report, with the changes since the previous scan
 * ```
 */
export const HISTORY_PREFIX = 'history';
export const RUNS_PREFIX = 'runs';
export const REPORTS_PREFIX = 'reports';
/** The prefix of Step Functions' Map Run results, under `runs/`. */
export const MAP_RESULTS_PREFIX = `${RUNS_PREFIX}/map`;

/** One account to scan: the role to read it through and the regions to read. */
export interface ScanTarget {
  account: string;
  roleArn: string;
  regions: string[];
}

/** What list-targets returns, and every later step is given as `run`. */
export interface RunRef {
  runId: string;
  startedAt: string;
  bucket: string;
  targetsKey: string;
  accounts: number;
  regions: string[];
}

/** The event list-targets is started with: the execution's name and start, from the state machine's context. */
export interface ListTargetsEvent {
  executionName: string;
  startedAt: string;
}

/** One item of the regions' inline Map, inside one account's item of the Distributed Map. */
export interface CollectRegionEvent {
  runId: string;
  account: string;
  roleArn: string;
  region: string;
  /** The item's index: the first region of an account also reads what is account-wide (IAM, account settings). */
  index: number;
}

export interface CollectRegionResult {
  account: string;
  region: string;
  key: string;
  accountWide: boolean;
  /** Listings or accounts that could not be read, as the part records them. */
  problems: number;
}

export interface JudgeAccountEvent {
  runId: string;
  account: string;
  regions: string[];
}

export interface JudgeAccountResult {
  account: string;
  key: string;
  fail: number;
  unknown: number;
  /** Regions (or `global`) not read. */
  unread: string[];
}

/** What finalise is given: the run, and the error that stopped the run early when one did. */
export interface FinaliseEvent {
  run?: RunRef;
  error?: { Error?: string; Cause?: string };
}

export interface FinaliseResult {
  runId?: string;
  historyId?: string;
  reports: string[];
  notified: boolean;
  newCritical: number;
  unread: number;
}

/** A run's id: its start (sortable) and the execution's name, in characters safe in S3 keys. */
export function runIdOf(event: ListTargetsEvent): string {
  const stamp = new Date(event.startedAt).toISOString().replace(/[-:.]/g, '');
  return `${stamp}_${event.executionName.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export const runKeys = {
  targets: (runId: string): string => `${RUNS_PREFIX}/${runId}/targets.json`,
  part: (runId: string, account: string, region: string): string =>
    `${RUNS_PREFIX}/${runId}/parts/${account}/${region}.json`,
  account: (runId: string, account: string): string => `${RUNS_PREFIX}/${runId}/accounts/${account}.json`,
  report: (runId: string, file: string): string => `${REPORTS_PREFIX}/${runId}/${file}`,
};
