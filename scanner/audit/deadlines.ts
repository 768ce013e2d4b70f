import type { Severity } from '../findings/severity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An open finding's age against the remediation deadline of its severity (CP-14). */
export interface DeadlineStatus {
  first_seen: string;
  /** Whole days since it was first seen open. */
  age_days: number;
  deadline_days: number;
  /** When it must be fixed by (ISO 8601). */
  due: string;
  /** Whole days left until it is due; negative once overdue. */
  days_left: number;
  overdue: boolean;
}

export function deadlineStatus(
  firstSeen: string,
  severity: Severity,
  deadlines: Record<Severity, number>,
  now: Date,
): DeadlineStatus {
  const seen = new Date(firstSeen).getTime();
  const deadlineDays = deadlines[severity];
  const due = seen + deadlineDays * DAY_MS;
  const ageDays = Math.floor((now.getTime() - seen) / DAY_MS);
  return {
    first_seen: firstSeen,
    age_days: Math.max(0, ageDays),
    deadline_days: deadlineDays,
    due: new Date(due).toISOString(),
    days_left: Math.floor((due - now.getTime()) / DAY_MS),
    overdue: now.getTime() > due,
  };
}
