import type { AuditReport } from '../../audit/audit-report';
import { formatDate } from '../audit-format';

/** Suppressions (reason, owner, expiry) and attested controls (owner, date): CP-14 and CP-15. */
export function GovernanceSection({ audit }: { audit: AuditReport }) {
  const waived = audit.findings.filter((finding) => finding.waiver);
  return (
    <section id="governance">
      <h2>Waived findings</h2>
      {waived.length === 0 ? (
        <p class="muted">No finding is waived.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Rule</th>
              <th>Resource</th>
              <th>Reason</th>
              <th>Owner</th>
              <th>Expires</th>
              <th>Recorded in</th>
            </tr>
          </thead>
          <tbody>
            {waived.map((finding) => (
              <tr key={finding.fingerprint}>
                <td>{finding.rule_id}</td>
                <td>
                  <code>{finding.resource.id}</code>
                </td>
                <td>{finding.waiver?.reason}</td>
                <td>{finding.waiver?.owner}</td>
                <td class={finding.waiver?.expired ? 'overdue-flag' : undefined}>
                  {finding.waiver?.expires}
                  {finding.waiver?.expired ? ' (expired)' : ''}
                </td>
                <td class="small">{finding.waiver?.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 style="margin-top:20px">Attested controls</h2>
      {audit.attestations.length === 0 ? (
        <p class="muted">No attested control is recorded with this scan.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Control</th>
              <th>Owner</th>
              <th>Attested on</th>
              <th>Expires</th>
              <th>Evidence</th>
            </tr>
          </thead>
          <tbody>
            {audit.attestations.map((row) => (
              <tr key={row.id}>
                <td>{row.id}</td>
                <td>{row.owner}</td>
                <td>{formatDate(row.date)}</td>
                <td class={row.lapsed ? 'overdue-flag' : undefined}>
                  {formatDate(row.expires)}
                  {row.lapsed ? ' (lapsed)' : ''}
                </td>
                <td>
                  <code>{row.evidence}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
