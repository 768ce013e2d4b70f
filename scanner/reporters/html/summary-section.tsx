import type { AuditReport } from '../../audit/audit-report';
import { formatPct } from '../audit-format';

function Figure({ value, label }: { value: string | number; label: string }) {
  return (
    <div class="figure">
      <b>{value}</b>
      <span>{label}</span>
    </div>
  );
}

/** Key figures and the three charts. */
export function SummarySection({ audit }: { audit: AuditReport }) {
  const { totals, changes } = audit;
  const c = totals.counts;
  return (
    <section id="summary">
      <h2>Summary</h2>
      <div class="figures">
        <Figure value={formatPct(totals.pass_pct)} label="of assessed findings pass" />
        <Figure value={c.FAIL + c.ERROR} label="failing" />
        <Figure value={c.UNKNOWN} label="unknown (not passing)" />
        <Figure value={c.WAIVED} label="waived" />
        <Figure value={changes.overdue} label="overdue" />
        <Figure value={changes.new} label="new since last scan" />
        <Figure value={changes.regressed} label="regressed" />
        <Figure value={changes.fixed} label="fixed" />
      </div>
      <div class="charts">
        <div class="chart">
          <canvas id="chart-clauses" role="img" aria-label="Compliance per policy clause"></canvas>
        </div>
        <div class="chart">
          <canvas id="chart-severities" role="img" aria-label="Findings by severity"></canvas>
        </div>
        <div class="chart">
          <canvas id="chart-trend" role="img" aria-label="Trend over past scans"></canvas>
        </div>
      </div>
    </section>
  );
}
