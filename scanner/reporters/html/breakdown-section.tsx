import type { AuditReport } from '../../audit/audit-report';
import { Badge, TallyCells, TallyHeaders } from './parts';

/** Resources listed one by one at most; the findings table holds the rest. */
const MAX_RESOURCE_ROWS = 200;

/** Status per severity (with its deadline), per account and region or template, and per resource. */
export function BreakdownSection({ audit }: { audit: AuditReport }) {
  const needingAction = audit.resources.filter(
    (row) => row.worst !== 'PASS' && row.worst !== 'NOT_APPLICABLE',
  );
  const listed = needingAction.slice(0, MAX_RESOURCE_ROWS);
  return (
    <section id="breakdown">
      <h2>Per severity</h2>
      <table>
        <thead>
          <tr>
            <th>Severity</th>
            <th class="num">Deadline</th>
            <TallyHeaders />
          </tr>
        </thead>
        <tbody>
          {audit.severities.map((row) => (
            <tr key={row.severity}>
              <td class={`sev-${row.severity}`}>{row.severity}</td>
              <td class="num">{row.deadline_days} days</td>
              <TallyCells tally={row.tally} />
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style="margin-top:20px">Per account and region</h2>
      <table>
        <thead>
          <tr>
            <th>Account / region or template</th>
            <TallyHeaders />
          </tr>
        </thead>
        <tbody>
          {audit.scopes.map((row) => (
            <tr key={row.scope}>
              <td>
                <code>{row.scope}</code>
              </td>
              <TallyCells tally={row.tally} />
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style="margin-top:20px">Resources needing action</h2>
      <p class="muted">
        {needingAction.length} of {audit.resources.length} resources have a finding that is not passing
        {needingAction.length > listed.length
          ? `; the first ${listed.length} are listed, the findings table has all`
          : ''}
        .
      </p>
      <table>
        <thead>
          <tr>
            <th>Resource</th>
            <th>Kind</th>
            <th>Where</th>
            <th>Worst</th>
            <TallyHeaders />
          </tr>
        </thead>
        <tbody>
          {listed.map((row) => (
            <tr key={row.id}>
              <td>
                <code>{row.id}</code>
              </td>
              <td>{row.kind}</td>
              <td class="small">{row.scope}</td>
              <td>
                <Badge status={row.worst} />
              </td>
              <TallyCells tally={row.tally} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
