import type { AuditReport } from '../../audit/audit-report';
import { formatDate } from '../audit-format';
import { Badge } from './parts';

/** What changed since the previous scan, and which findings were fixed. */
export function ChangesSection({ audit }: { audit: AuditReport }) {
  const { changes, scan } = audit;
  return (
    <section id="changes">
      <h2>Since the previous scan</h2>
      <p>
        {scan.previous ? (
          <>
            Compared with the scan of {scan.previous.started_at} (<code>{scan.previous.id}</code>):
          </>
        ) : (
          <>No earlier scan in the history: every open finding counts as new.</>
        )}{' '}
        <b>{changes.new}</b> new, <b>{changes.regressed}</b> regressed, <b>{changes.still_open}</b> still
        open, <b>{changes.fixed}</b> fixed, <b>{changes.waived}</b> newly waived;{' '}
        <b class={changes.overdue > 0 ? 'overdue-flag' : ''}>{changes.overdue}</b> open findings are past
        their remediation deadline.
      </p>
      {audit.fixed.length > 0 ? (
        <details>
          <summary>{audit.fixed.length} findings fixed since the previous scan</summary>
          <table>
            <thead>
              <tr>
                <th>Fixed</th>
                <th>Severity</th>
                <th>Rule</th>
                <th>Resource</th>
                <th>Was</th>
                <th>Now</th>
                <th>Open since</th>
              </tr>
            </thead>
            <tbody>
              {audit.fixed.map((fixed) => (
                <tr key={fixed.fingerprint}>
                  <td>{fixed.title}</td>
                  <td class={`sev-${fixed.severity}`}>{fixed.severity}</td>
                  <td>{fixed.rule_id}</td>
                  <td>
                    <code>{fixed.resource.id}</code>
                  </td>
                  <td>
                    <Badge status={fixed.was} />
                  </td>
                  <td>
                    {fixed.now === 'ABSENT' ? (
                      <span class="muted">no longer reported</span>
                    ) : (
                      <Badge status={fixed.now} />
                    )}
                  </td>
                  <td>{formatDate(fixed.first_seen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
