import type { AuditFinding, AuditReport } from '../../audit/audit-report';
import { SEVERITIES } from '../../findings/severity';
import { STATUSES } from '../../findings/status';
import { apiCallsText, CHANGE_LABELS, deadlineText, formatDate } from '../audit-format';

function labelledAsThemselves(values: readonly string[]): Array<[string, string]> {
  return values.map((value) => [value, value]);
}

/** A filter of the findings table: `all`, then each value with its label. */
function FilterSelect({
  id,
  label,
  options,
}: {
  id: string;
  label: string;
  options: Array<[string, string]>;
}) {
  return (
    <label>
      {label}{' '}
      <select id={id}>
        <option value="">all</option>
        {options.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </select>
    </label>
  );
}

/** Every finding, most urgent first, with filters the page's script wires up. */
export function FindingsSection({ audit }: { audit: AuditReport }) {
  return (
    <section id="findings-section">
      <h2>Findings</h2>
      <div class="filters">
        <FilterSelect
          id="filter-status"
          label="Status"
          options={[['open', 'open (failing or unknown)'], ...labelledAsThemselves(STATUSES)]}
        />
        <FilterSelect id="filter-severity" label="Severity" options={labelledAsThemselves(SEVERITIES)} />
        <FilterSelect
          id="filter-clause"
          label="Clause"
          options={labelledAsThemselves(audit.clauses.map(({ id }) => id))}
        />
        <FilterSelect
          id="filter-change"
          label="Change"
          options={[
            ['new', 'new'],
            ['regressed', 'regressed'],
            ['still_open', 'still open'],
            ['overdue', 'overdue'],
          ]}
        />
        <label>
          Search <input id="filter-text" type="search" placeholder="rule, resource, message…" />
        </label>
        <span id="findings-count" class="muted">
          {audit.findings.length} findings
        </span>
      </div>
      <div class="table-wrap">
        <table id="findings">
          <thead>
            <tr>
              <th>Status</th>
              <th>Severity</th>
              <th>Rule</th>
              <th>Resource and evidence</th>
              <th>Finding</th>
              <th>First seen</th>
              <th>Age / deadline</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>{audit.findings.map(FindingRow)}</tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * One row. A report holds thousands, so its markup is kept lean: short data attribute names (read by the
 * page's filter script and stylesheet: status, severity, clauses, change), the overdue mark as a class,
 * colours from the stylesheet rather than classes on each cell, and no empty cells at the end of the row
 * of a finding that is not open.
 */
function FindingRow(finding: AuditFinding) {
  return (
    <tr
      class={finding.overdue ? 'overdue' : undefined}
      data-st={finding.status}
      data-sev={finding.severity}
      data-cl={finding.clauses.join(' ')}
      data-ch={finding.change}
    >
      <td>
        <b>{finding.status}</b>
      </td>
      <td>{finding.severity}</td>
      <td>
        {finding.rule_id}
        <div class="m">{finding.clauses.join(' ')}</div>
      </td>
      <td>
        <code>{finding.resource.id}</code>
        {/* A live resource's id is its ARN: its evidence is the API calls, not a place. */}
        <div class="m">
          {finding.evidence.kind === 'live' ? apiCallsText(finding) : evidencePlace(finding)}
        </div>
      </td>
      <td>
        {finding.message}
        {finding.scenario ? <div class="m">when {finding.scenario}</div> : null}
        {finding.waiver ? (
          <div class="m">
            waived by {finding.waiver.owner} until {finding.waiver.expires}: {finding.waiver.reason}
          </div>
        ) : null}
      </td>
      {finding.change ? (
        <>
          <td>{formatDate(finding.first_seen)}</td>
          <td>{deadlineText(finding)}</td>
          <td>{CHANGE_LABELS[finding.change]}</td>
        </>
      ) : null}
    </tr>
  );
}

function evidencePlace(finding: AuditFinding): string {
  const { evidence } = finding;
  return evidence.kind === 'template' && evidence.property_path
    ? `${finding.where} ${evidence.property_path}`
    : finding.where;
}
