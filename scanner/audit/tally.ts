import { STATUSES, type Status } from '../findings/status';

/**
 * Counts of findings by status, with shares of the assessed ones. Assessed means every status but
 * NOT_APPLICABLE; UNKNOWN and WAIVED keep their own shares and are never counted as passing.
 */
export interface StatusTally {
  counts: Record<Status, number>;
  assessed: number;
  /** Percent of assessed findings that passed, one decimal; null when nothing was assessed. */
  pass_pct: number | null;
  /** FAIL and ERROR. */
  fail_pct: number | null;
  unknown_pct: number | null;
  waived_pct: number | null;
}

export function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
}

/** Tallies the statuses given (or counts already made). */
export function tally(statuses: Iterable<Status> | Record<Status, number>): StatusTally {
  const counts = emptyCounts();
  if (Symbol.iterator in statuses) for (const status of statuses) counts[status]++;
  else for (const status of STATUSES) counts[status] = statuses[status];
  const assessed = counts.PASS + counts.FAIL + counts.ERROR + counts.UNKNOWN + counts.WAIVED;
  const share = (n: number): number | null =>
    assessed === 0 ? null : Math.round((n / assessed) * 1000) / 10;
  return {
    counts,
    assessed,
    pass_pct: share(counts.PASS),
    fail_pct: share(counts.FAIL + counts.ERROR),
    unknown_pct: share(counts.UNKNOWN),
    waived_pct: share(counts.WAIVED),
  };
}

/** The most urgent of the statuses, in the order findings are listed (FAIL first, NOT_APPLICABLE last). */
export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'NOT_APPLICABLE';
  for (const status of statuses) if (STATUSES.indexOf(status) < STATUSES.indexOf(worst)) worst = status;
  return worst;
}
