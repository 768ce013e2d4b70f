import type { AuditReport } from '../../audit/audit-report';

/** What was scanned, with what, and what could not be read: the scan's provenance and coverage. */
export function MetadataSection({ audit }: { audit: AuditReport }) {
  const { scan } = audit;
  const notModelled = Object.entries(scan.coverage.not_modelled);
  return (
    <section id="metadata">
      <h2>Scan metadata and coverage</h2>
      <dl class="meta">
        <dt>lexguard version</dt>
        <dd>{scan.lexguard_version}</dd>
        <dt>Policy bundle digest</dt>
        <dd>
          <code>{scan.policy_digest}</code> (OPA {scan.opa_version}, {scan.rules} rules)
        </dd>
        <dt>Source</dt>
        <dd>{scan.source_kind}</dd>
        <dt>Scan started / finished</dt>
        <dd>
          {scan.started_at} / {scan.finished_at}
        </dd>
        <dt>Ages computed as of</dt>
        <dd>{audit.as_of}</dd>
        <dt>History record</dt>
        <dd>{scan.history_id ? <code>{scan.history_id}</code> : <span class="muted">not stored</span>}</dd>
        <dt>Accounts</dt>
        <dd>{scan.accounts.join(', ') || <span class="muted">none (template scan)</span>}</dd>
        <dt>Regions</dt>
        <dd>{scan.regions.join(', ') || <span class="muted">none (template scan)</span>}</dd>
        <dt>Targets</dt>
        <dd>
          {scan.targets.map((target) => (
            <div>
              <code>{target}</code>
            </div>
          ))}
        </dd>
        <dt>Coverage</dt>
        <dd>
          {scan.coverage.resources} resources, {scan.coverage.findings} findings, {scan.coverage.notes} notes
          on inputs
        </dd>
        <dt>Not modelled</dt>
        <dd>
          {notModelled.length === 0 ? (
            <span class="muted">every resource type read was modelled</span>
          ) : (
            notModelled.map(([type, count]) => (
              <div>
                <code>{type}</code> × {count}
              </div>
            ))
          )}
        </dd>
        <dt>Inputs not scanned</dt>
        <dd>
          {scan.coverage.input_errors.length === 0 ? (
            <span class="muted">none</span>
          ) : (
            scan.coverage.input_errors.map((error) => (
              <div class="overdue-flag">
                {[error.file, error.line, error.column].filter((part) => part !== undefined).join(':')}{' '}
                {error.message}
              </div>
            ))
          )}
        </dd>
        <dt>Remediation deadlines</dt>
        <dd>
          {Object.entries(audit.remediation_deadlines)
            .map(([severity, days]) => `${severity} ${days} days`)
            .join(', ')}
        </dd>
      </dl>
    </section>
  );
}
