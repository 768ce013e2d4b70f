import type { Severity } from '../findings/severity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An open finding's age against the remediation deadline of its severity (CP-14). */
export interface DeadlineStatus {
  first_seen: string;
  /** Calendar days (UTC) since the day it was first seen open. */
  age_days: number;
  deadline_days: number;
  /** The day it must be fixed by: the first-seen day plus the deadline (ISO 8601 date). */
  due: string;
  /** Calendar days left until the due day; negative once overdue. */
  days_left: number;
  /** True from the day after the due day. */
  overdue: boolean;
}

/**
 * Ages are counted in calendar days (UTC), as an auditor reads them: a finding first seen on 1 March
 * with a 7-day deadline is due on 8 March and overdue from 9 March, whatever the hour of either scan.
 */
export function deadlineStatus(
  firstSeen: string,
  severity: Severity,
  deadlines: Record<Severity, number>,
  now: Date,
): DeadlineStatus {
  const seenDay = utcDay(new Date(firstSeen));
  const today = utcDay(now);
  const deadlineDays = deadlines[severity];
  const dueDay = seenDay + deadlineDays;
  return {
    first_seen: firstSeen,
    age_days: Math.max(0, today - seenDay),
    deadline_days: deadlineDays,
    due: new Date(dueDay * DAY_MS).toISOString().slice(0, 10),
    days_left: dueDay - today,
    overdue: today > dueDay,
  };
}

function utcDay(time: Date): number {
  return Math.floor(time.getTime() / DAY_MS);
}
