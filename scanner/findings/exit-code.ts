import type { Finding } from './finding';
import { atLeast, type Severity } from './severity';

/** How findings turn into a process exit code; computed here and nowhere else. */
export interface GatePolicy {
  /** FAIL findings at or above this severity fail the gate. */
  failOn: Severity;
  /** Whether UNKNOWN findings at or above the threshold fail the gate too. */
  failOnUnknown: boolean;
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

/** The findings that fail the gate. An ERROR (a rule that could not run) always does. */
export function gateFailures(findings: readonly Finding[], gate: GatePolicy): Finding[] {
  return findings.filter(
    (finding) =>
      finding.status === 'ERROR' ||
      (finding.status === 'FAIL' && atLeast(finding.severity, gate.failOn)) ||
      (gate.failOnUnknown && finding.status === 'UNKNOWN' && atLeast(finding.severity, gate.failOn)),
  );
}

export function exitCodeFor(findings: readonly Finding[], gate: GatePolicy, inputErrors: number): number {
  if (inputErrors > 0) return EXIT.INPUT_ERROR;
  return gateFailures(findings, gate).length > 0 ? EXIT.FINDINGS : EXIT.OK;
}
