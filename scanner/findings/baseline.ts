import { LexguardError } from '../errors';
import { readTextFile } from '../sources/read-text-file';
import type { Finding } from './finding';
import { fingerprintOf } from './fingerprint';
import type { ScanReport } from './scan-report';
import type { Status } from './status';

/** What `--write-baseline` writes: the findings a team has accepted as the starting point of its gate. */
export interface BaselineFile {
  lexguard_baseline: 1;
  created_at: string;
  tool_version: string;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  /** The identity the gate matches by (`fingerprint.ts`). */
  fingerprint: string;
  rule_id: string;
  resource: string;
  status: Status;
}

/**
 * The findings a baseline takes in: FAIL and UNKNOWN. A WAIVED finding is left out, so that its
 * suppression's expiry still bites; an ERROR (a rule that could not run) always fails.
 */
const BASELINED: ReadonlySet<Status> = new Set<Status>(['FAIL', 'UNKNOWN']);

function baselined(finding: Finding): boolean {
  return BASELINED.has(finding.status);
}

export function baselineOf(report: ScanReport): BaselineFile {
  return {
    lexguard_baseline: 1,
    created_at: report.scan.finished_at,
    tool_version: report.tool.version,
    findings: report.findings.filter(baselined).map((finding) => ({
      fingerprint: fingerprintOf(finding),
      rule_id: finding.rule_id,
      resource: finding.resource.id,
      status: finding.status,
    })),
  };
}

/**
 * Reads the fingerprints of a baseline: a file `--write-baseline` wrote, or a previous JSON report
 * (`--format json`), whose FAIL and UNKNOWN findings are taken. Anything else is refused with the file named.
 */
export function readBaseline(file: string): ReadonlySet<string> {
  const text = readTextFile(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (thrown) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a baseline: invalid JSON (${(thrown as Error).message})`,
      {
        position: { file },
      },
    );
  }
  if (isBaselineFile(parsed)) return new Set(parsed.findings.map((entry) => entry.fingerprint));
  if (isScanReport(parsed)) return new Set(parsed.findings.filter(baselined).map(fingerprintOf));
  throw new LexguardError(
    'INPUT_MALFORMED',
    'not a baseline: expected a file written by --write-baseline or a lexguard JSON report',
    { position: { file } },
  );
}

function isBaselineFile(value: unknown): value is BaselineFile {
  if (!isObject(value) || value.lexguard_baseline !== 1 || !Array.isArray(value.findings)) return false;
  return value.findings.every((entry) => isObject(entry) && typeof entry.fingerprint === 'string');
}

function isScanReport(value: unknown): value is Pick<ScanReport, 'findings'> {
  if (!isObject(value) || typeof value.schema_version !== 'string' || !Array.isArray(value.findings))
    return false;
  return value.findings.every(
    (finding) =>
      isObject(finding) &&
      typeof finding.rule_id === 'string' &&
      typeof finding.status === 'string' &&
      isObject(finding.resource) &&
      typeof finding.resource.id === 'string' &&
      isObject(finding.location),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
