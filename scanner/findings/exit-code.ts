import type { Finding } from './finding';
import { fingerprintOf } from './fingerprint';
import type { ScanReport } from './scan-report';
import { atLeast, type Severity } from './severity';

/** How findings turn into a process exit code; computed here and nowhere else. */
export interface GatePolicy {
  /** FAIL findings at or above this severity fail the gate. */
  failOn: Severity;
  /** Whether UNKNOWN findings at or above the threshold fail the gate too. */
  failOnUnknown: boolean;
  /** Fingerprints of accepted findings (`--baseline`): only findings not among them fail the gate. */
  baseline?: ReadonlySet<string>;
  /** Whether a suppression that matches no FAIL or UNKNOWN finding fails the gate (`--strict-suppressions`). */
  strictSuppressions?: boolean;
}

export const DEFAULT_GATE: GatePolicy = { failOn: 'LOW', failOnUnknown: false };

export const EXIT = {
  /** Nothing at or above the threshold failed. */
  OK: 0,
  /** A finding failed the gate. */
  FINDINGS: 1,
  /** Bad input or usage: nothing can be said about compliance. */
  INPUT_ERROR: 2,
} as const;

/** Whether a finding is one the baseline accepted. */
export function inBaseline(finding: Finding, gate: GatePolicy): boolean {
  return gate.baseline !== undefined && gate.baseline.has(fingerprintOf(finding));
}

/**
 * The findings that fail the gate. An ERROR (a rule that could not run) always does, baseline or not;
 * a FAIL or UNKNOWN the baseline accepted does not.
 */
export function gateFailures(findings: readonly Finding[], gate: GatePolicy): Finding[] {
  return findings.filter(
    (finding) =>
      finding.status === 'ERROR' ||
      (!inBaseline(finding, gate) &&
        ((finding.status === 'FAIL' && atLeast(finding.severity, gate.failOn)) ||
          (gate.failOnUnknown && finding.status === 'UNKNOWN' && atLeast(finding.severity, gate.failOn)))),
  );
}

/** Everything that decides the exit code, for reporters to state the verdict the exit code gives. */
export interface GateOutcome {
  exitCode: number;
  failures: Finding[];
  /** Inputs that could not be scanned: exit 2 whatever the findings say. */
  inputErrors: number;
  /** Suppressions that matched no FAIL or UNKNOWN finding; they fail the gate only when strict. */
  unusedSuppressions: number;
}

export function gateOutcome(
  report: Pick<ScanReport, 'findings' | 'errors' | 'suppressions'>,
  gate: GatePolicy,
): GateOutcome {
  const failures = gateFailures(report.findings, gate);
  const unusedSuppressions = report.suppressions.filter((use) => use.matched === 0).length;
  return {
    exitCode: exitCodeFor(report.findings, gate, report.errors.length, unusedSuppressions),
    failures,
    inputErrors: report.errors.length,
    unusedSuppressions,
  };
}

export function exitCodeFor(
  findings: readonly Finding[],
  gate: GatePolicy,
  inputErrors: number,
  unusedSuppressions = 0,
): number {
  if (inputErrors > 0) return EXIT.INPUT_ERROR;
  if (gate.strictSuppressions && unusedSuppressions > 0) return EXIT.FINDINGS;
  return gateFailures(findings, gate).length > 0 ? EXIT.FINDINGS : EXIT.OK;
}
