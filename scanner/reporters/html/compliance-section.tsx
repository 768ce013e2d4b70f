import type { AuditReport } from '../../audit/audit-report';
import { Badge, TallyCells, TallyHeaders } from './parts';

/** Status per policy clause, then per framework and control (or why there is none). */
export function ComplianceSection({ audit }: { audit: AuditReport }) {
  return (
    <section id="clauses">
      <h2>Compliance per policy clause</h2>
      {audit.catalog_note ? <p class="note">{audit.catalog_note}</p> : null}
      <table>
        <thead>
          <tr>
            <th>Clause</th>
            <th>Verdict</th>
            <TallyHeaders />
            <th>Rules</th>
            <th>Attested</th>
          </tr>
        </thead>
        <tbody>
          {audit.clauses.map((clause) => (
            <tr key={clause.id}>
              <td>
                <b>{clause.id}</b> {clause.title ?? ''}
              </td>
              <td>
                <Badge status={clause.verdict} />
              </td>
              <TallyCells tally={clause.tally} />
              <td class="small">{clause.rules.join(', ') || <span class="muted">no rule</span>}</td>
              <td class="small">{clause.attestations.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style="margin-top:20px">Compliance per framework</h2>
      {audit.frameworks.available ? (
        <table>
          <thead>
            <tr>
              <th>Framework / control</th>
              <TallyHeaders />
              <th>Rules</th>
            </tr>
          </thead>
          <tbody>
            {audit.frameworks.frameworks.flatMap((framework) => [
              <tr key={framework.framework}>
                <td>
                  <b>{framework.framework}</b>
                </td>
                <TallyCells tally={framework.tally} />
                <td></td>
              </tr>,
              ...framework.controls.map((control) => (
                <tr key={`${framework.framework}/${control.control}`}>
                  <td style="padding-left:24px">{control.control}</td>
                  <TallyCells tally={control.tally} />
                  <td class="small">{control.rules.join(', ')}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      ) : (
        <p class="note">{audit.frameworks.note}</p>
      )}
    </section>
  );
}
