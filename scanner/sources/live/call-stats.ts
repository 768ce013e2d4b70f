/** Counts of the API calls one live scan made, for the summary and the report's coverage. */
export interface LiveCallCounts {
  /** Logical calls (one per request lexguard made, whatever the SDK's retries). */
  calls: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  /** Calls that needed more than one attempt. */
  retried: number;
  /** Calls that answered "not configured" (an explicit absence, see `absence.ts`). */
  absent: number;
  /** Calls that were denied, timed out or kept failing: their values are unknown. */
  failed: number;
  /** Failed calls by error code. */
  failures_by_code: Record<string, number>;
}

export function emptyCounts(): LiveCallCounts {
  return { calls: 0, attempts: 0, retried: 0, absent: 0, failed: 0, failures_by_code: {} };
}

export type CallOutcomeKind = 'ok' | 'absent' | 'failed';

export function countCall(
  counts: LiveCallCounts,
  outcome: { kind: CallOutcomeKind; attempts: number; code?: string },
): void {
  counts.calls++;
  counts.attempts += outcome.attempts;
  if (outcome.attempts > 1) counts.retried++;
  if (outcome.kind === 'absent') counts.absent++;
  if (outcome.kind === 'failed') {
    counts.failed++;
    const code = outcome.code ?? 'Unknown';
    counts.failures_by_code[code] = (counts.failures_by_code[code] ?? 0) + 1;
  }
}
