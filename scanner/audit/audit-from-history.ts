import type { Severity } from '../findings/severity';
import type { HistoryView } from '../history/read-history';
import type { AuditInput } from './build-audit-report';
import type { ClauseCatalog } from './clause-catalog';

/** The audit of the current scan of a history view, compared with the scan stored before it. */
export function auditInputFromHistory(
  view: HistoryView,
  remediationDeadlines: Record<Severity, number>,
  catalog: ClauseCatalog,
  now?: Date,
): AuditInput {
  return {
    current: view.current.record.report,
    openSince: view.current.record.open_since,
    currentId: view.current.ref.id,
    ...(view.previous
      ? {
          previous: {
            id: view.previous.ref.id,
            report: view.previous.record.report,
            openSince: view.previous.record.open_since,
          },
        }
      : {}),
    trend: view.trend,
    remediationDeadlines,
    catalog,
    ...(now ? { now } : {}),
  };
}
