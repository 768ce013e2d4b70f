import type { AuditReport } from '../../audit/audit-report';
import { formatPct } from '../audit-format';
import { BreakdownSection } from './breakdown-section';
import { ChangesSection } from './changes-section';
import { ComplianceSection } from './compliance-section';
import { FindingsSection } from './findings-section';
import { GovernanceSection } from './governance-section';
import { MetadataSection } from './metadata-section';
import { REPORT_CSS } from './styles';
import { SummarySection } from './summary-section';

export interface PageScripts {
  /** The chart data as JSON, already made safe to stand inside a script element. */
  dataJson: string;
  /** Scripts run in order: the charting library, then the report's own. */
  code: string[];
  /** The Content-Security-Policy: no network, and only these scripts may run. */
  csp: string;
}

/** The whole report page. Text goes through Preact, which escapes it; only the scripts are raw. */
export function ReportPage({ audit, scripts }: { audit: AuditReport; scripts: PageScripts }) {
  const { scan, totals } = audit;
  const title = `lexguard audit report — ${scan.started_at.slice(0, 10)}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content={scripts.csp} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <header>
          <h1>Confidentiality policy audit report</h1>
          <p>
            Scan of {scan.started_at} · {scan.source_kind} · {scan.targets.length} target(s) ·{' '}
            {formatPct(totals.pass_pct)} of {totals.assessed} assessed findings pass · lexguard{' '}
            {scan.lexguard_version} · policy {scan.policy_digest.slice(0, 12)}
          </p>
        </header>
        <main>
          <SummarySection audit={audit} />
          <ComplianceSection audit={audit} />
          <ChangesSection audit={audit} />
          <FindingsSection audit={audit} />
          <GovernanceSection audit={audit} />
          <BreakdownSection audit={audit} />
          <MetadataSection audit={audit} />
        </main>
        <script
          type="application/json"
          id="lexguard-chart-data"
          dangerouslySetInnerHTML={{ __html: scripts.dataJson }}
        />
        {scripts.code.map((code) => (
          <script dangerouslySetInnerHTML={{ __html: code }} />
        ))}
      </body>
    </html>
  );
}
