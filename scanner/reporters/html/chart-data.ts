import type { AuditReport } from '../../audit/audit-report';
import { SEVERITIES } from '../../findings/severity';

/** What the report's charts draw, embedded in the page as JSON. */
export interface ChartData {
  clauses: { labels: string[]; pass: number[]; fail: number[]; unknown: number[]; waived: number[] };
  severities: { labels: string[]; fail: number[]; unknown: number[]; waived: number[]; pass: number[] };
  trend: { labels: string[]; pass_pct: Array<number | null>; fail: number[]; unknown: number[] };
}

export function chartData(audit: AuditReport): ChartData {
  const clauses = audit.clauses;
  return {
    clauses: {
      labels: clauses.map((clause) => clause.id),
      pass: clauses.map((clause) => clause.tally.pass_pct ?? 0),
      fail: clauses.map((clause) => clause.tally.fail_pct ?? 0),
      unknown: clauses.map((clause) => clause.tally.unknown_pct ?? 0),
      waived: clauses.map((clause) => clause.tally.waived_pct ?? 0),
    },
    severities: {
      labels: [...SEVERITIES],
      fail: audit.severities.map(({ tally }) => tally.counts.FAIL + tally.counts.ERROR),
      unknown: audit.severities.map(({ tally }) => tally.counts.UNKNOWN),
      waived: audit.severities.map(({ tally }) => tally.counts.WAIVED),
      pass: audit.severities.map(({ tally }) => tally.counts.PASS),
    },
    trend: {
      labels: audit.trend.map((point) => point.started_at.slice(0, 16).replace('T', ' ')),
      pass_pct: audit.trend.map(({ summary }) => {
        const s = summary.by_status;
        const assessed = s.PASS + s.FAIL + s.ERROR + s.UNKNOWN + s.WAIVED;
        return assessed === 0 ? null : Math.round((s.PASS / assessed) * 1000) / 10;
      }),
      fail: audit.trend.map(({ summary }) => summary.by_status.FAIL + summary.by_status.ERROR),
      unknown: audit.trend.map(({ summary }) => summary.by_status.UNKNOWN),
    },
  };
}
