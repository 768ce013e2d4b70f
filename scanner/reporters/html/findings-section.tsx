import type { AuditFinding, AuditReport } from '../../audit/audit-report';
import { SEVERITIES } from '../../findings/severity';
import { STATUSES } from '../../findings/status';
import { apiCallsText, CHANGE_LABELS, deadlineText, formatDate } from '../audit-format';
import { Badge } from './parts';

/** Every finding, most urgent first, with filters the page's script wires up. */
export function FindingsSection({ audit }: { audit: AuditReport }) {
  return (
    <section id="findings-section">
      <h2>Findings</h2>
      <div class="filters">
        <label>
          Status{' '}
          <select id="filter-status">
            <option value="">all</option>
            <option value="open">open (failing or unknown)</option>
            {STATUSES.map((status) => (
              <option value={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          Severity{' '}
          <select id="filter-severity">
            <option value="">all</option>
            {SEVERITIES.map((severity) => (
              <option value={severity}>{severity}</option>
            ))}
          </select>
        </label>
        <label>
          Clause{' '}
          <select id="filter-clause">
            <option value="">all</option>
            {audit.clauses.map((clause) => (
              <option value={clause.id}>{clause.id}</option>
            ))}
          </select>
        </label>
        <label>
          Change{' '}
          <select id="filter-change">
            <option value="">all</option>
            <option value="new">new</option>
            <option value="regressed">regressed</option>
            <option value="still_open">still open</option>
            <option value="overdue">overdue</option>
          </select>
        </label>
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

function FindingRow(finding: AuditFinding) {
  return (
    <tr
      class={finding.overdue ? 'overdue' : undefined}
      data-status={finding.status}
      data-open={String(finding.change !== undefined)}
      data-severity={finding.severity}
      data-clauses={finding.clauses.join(' ')}
      data-change={finding.change ?? ''}
      data-overdue={String(finding.overdue ?? false)}
    >
      <td>
        <Badge status={finding.status} />
      </td>
      <td class={`nw sev-${finding.severity}`}>{finding.severity}</td>
      <td class="nw">
        {finding.rule_id}
        <div class="muted small">{finding.clauses.join(' ')}</div>
      </td>
      <td>
        <code>{finding.resource.id}</code>
        {/* A live resource's id is its ARN: its evidence is the API calls below, not a place. */}
        {finding.evidence.kind === 'live' ? null : <div class="muted small">{finding.where}</div>}
        {finding.evidence.kind === 'template' && finding.evidence.property_path ? (
          <div class="muted small">{finding.evidence.property_path}</div>
        ) : null}
        {finding.evidence.kind === 'live' ? <div class="muted small">{apiCallsText(finding)}</div> : null}
      </td>
      <td>
        {finding.message}
        {finding.scenario ? <div class="muted small">when {finding.scenario}</div> : null}
        {finding.waiver ? (
          <div class="small">
            waived by {finding.waiver.owner} until {finding.waiver.expires}: {finding.waiver.reason}
          </div>
        ) : null}
      </td>
      <td class="nw">{formatDate(finding.first_seen)}</td>
      <td class={finding.overdue ? 'overdue-flag' : undefined}>{deadlineText(finding)}</td>
      <td>{finding.change ? CHANGE_LABELS[finding.change] : ''}</td>
    </tr>
  );
}
