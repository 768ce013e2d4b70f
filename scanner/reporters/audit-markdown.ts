import type { AuditFinding, AuditReport } from '../audit/audit-report';
import type { StatusTally } from '../audit/tally';
import { CHANGE_LABELS, deadlineText, formatDate, formatPct } from './audit-format';
import { auditOf } from './audit-of';
import { escapeMarkdown } from './markdown-escape';
import type { Reporter } from './reporter';

/**
 * The audit report as Markdown, for wikis and tickets: the same sections as the HTML report without the
 * charts; findings listed one by one are the open and waived ones (passing ones are counted).
 */
export const auditMarkdownReporter: Reporter = {
  name: 'audit-md',
  description: 'audit report as Markdown: clause status, changes, open findings with deadlines, waivers',
  render: (report, options) => renderAuditMarkdown(auditOf(report, options)),
};

export function renderAuditMarkdown(audit: AuditReport): string {
  const { scan, totals, changes } = audit;
  const c = totals.counts;
  const out: string[] = [
    `# Confidentiality policy audit report — ${formatDate(scan.started_at)}`,
    '',
    `Scan of ${scan.started_at} (${scan.source_kind}), lexguard ${escapeMarkdown(scan.lexguard_version)}, policy \`${scan.policy_digest}\` (${scan.rules} rules). Ages as of ${audit.as_of}.`,
    '',
    `**${formatPct(totals.pass_pct)}** of ${totals.assessed} assessed findings pass; ${c.FAIL + c.ERROR} failing, ${c.UNKNOWN} unknown (not counted as passing), ${c.WAIVED} waived, ${c.NOT_APPLICABLE} not applicable.`,
    '',
    `Since ${scan.previous ? `the scan of ${scan.previous.started_at}` : 'no earlier scan (all open findings are new)'}: ${changes.new} new, ${changes.regressed} regressed, ${changes.still_open} still open, ${changes.fixed} fixed, ${changes.waived} newly waived. **${changes.overdue} overdue.**`,
    '',
    '## Compliance per policy clause',
    '',
    ...(audit.catalog_note ? [`> ${escapeMarkdown(audit.catalog_note)}`, ''] : []),
    table(
      ['Clause', 'Verdict', ...TALLY_HEADERS, 'Rules'],
      audit.clauses.map((clause) => [
        `${clause.id}${clause.title ? ` ${escapeMarkdown(clause.title)}` : ''}`,
        clause.verdict,
        ...tallyCells(clause.tally),
        clause.rules.join(', ') || 'no rule',
      ]),
    ),
    '',
    '## Compliance per framework',
    '',
    audit.frameworks.available
      ? table(
          ['Framework / control', ...TALLY_HEADERS],
          audit.frameworks.frameworks.flatMap((framework) => [
            [`**${escapeMarkdown(framework.framework)}**`, ...tallyCells(framework.tally)],
            ...framework.controls.map((control) => [
              `${escapeMarkdown(framework.framework)} ${escapeMarkdown(control.control)}`,
              ...tallyCells(control.tally),
            ]),
          ]),
        )
      : `> ${escapeMarkdown(audit.frameworks.note ?? '')}`,
    '',
    '## Per severity',
    '',
    table(
      ['Severity', 'Deadline', ...TALLY_HEADERS],
      audit.severities.map((row) => [row.severity, `${row.deadline_days} days`, ...tallyCells(row.tally)]),
    ),
    '',
    '## Per account and region',
    '',
    table(
      ['Account / region or template', ...TALLY_HEADERS],
      audit.scopes.map((row) => [escapeMarkdown(row.scope), ...tallyCells(row.tally)]),
    ),
    '',
    '## Open findings',
    '',
    findingsTable(audit.findings.filter((finding) => finding.change !== undefined)),
    '',
  ];
  if (audit.fixed.length > 0) {
    out.push(
      '## Fixed since the previous scan',
      '',
      table(
        ['Rule', 'Severity', 'Resource', 'Was', 'Now', 'Open since'],
        audit.fixed.map((fixed) => [
          fixed.rule_id,
          fixed.severity,
          escapeMarkdown(fixed.resource.id),
          fixed.was,
          fixed.now === 'ABSENT' ? 'no longer reported' : fixed.now,
          formatDate(fixed.first_seen),
        ]),
      ),
      '',
    );
  }
  const waived = audit.findings.filter((finding) => finding.waiver);
  out.push(
    '## Waived findings',
    '',
    waived.length === 0
      ? 'No finding is waived.'
      : table(
          ['Rule', 'Resource', 'Reason', 'Owner', 'Expires'],
          waived.map((finding) => [
            finding.rule_id,
            escapeMarkdown(finding.resource.id),
            escapeMarkdown(finding.waiver?.reason ?? ''),
            escapeMarkdown(finding.waiver?.owner ?? ''),
            `${escapeMarkdown(finding.waiver?.expires ?? '')}${finding.waiver?.expired ? ' **(expired)**' : ''}`,
          ]),
        ),
    '',
    '## Attested controls',
    '',
    audit.attestations.length === 0
      ? 'No attested control is recorded with this scan.'
      : table(
          ['Control', 'Owner', 'Attested on', 'Expires', 'Evidence'],
          audit.attestations.map((row) => [
            escapeMarkdown(row.id),
            escapeMarkdown(row.owner),
            formatDate(row.date),
            `${formatDate(row.expires)}${row.lapsed ? ' **(lapsed)**' : ''}`,
            escapeMarkdown(row.evidence),
          ]),
        ),
    '',
    '## Scan metadata and coverage',
    '',
    `- Targets: ${scan.targets.map(escapeMarkdown).join(', ')}`,
    `- Accounts: ${scan.accounts.map(escapeMarkdown).join(', ') || 'none (template scan)'}; regions: ${scan.regions.map(escapeMarkdown).join(', ') || 'none'}`,
    `- History record: ${scan.history_id ? escapeMarkdown(scan.history_id) : 'not stored'}`,
    `- Coverage: ${scan.coverage.resources} resources, ${scan.coverage.findings} findings; not modelled: ${
      Object.entries(scan.coverage.not_modelled)
        .map(([type, count]) => `${escapeMarkdown(type)} × ${count}`)
        .join(', ') || 'none'
    }; inputs not scanned: ${scan.coverage.input_errors.length}`,
    '',
  );
  return out.join('\n');
}

const TALLY_HEADERS = ['Passing', 'Failing', 'Unknown', 'Waived', 'Assessed'];

function tallyCells(tally: StatusTally): string[] {
  const c = tally.counts;
  return [
    formatPct(tally.pass_pct),
    `${formatPct(tally.fail_pct)} (${c.FAIL + c.ERROR})`,
    `${formatPct(tally.unknown_pct)} (${c.UNKNOWN})`,
    `${formatPct(tally.waived_pct)} (${c.WAIVED})`,
    String(tally.assessed),
  ];
}

function findingsTable(findings: AuditFinding[]): string {
  if (findings.length === 0) return 'No open findings.';
  return table(
    [
      '',
      'Status',
      'Severity',
      'Rule',
      'Resource',
      'Where',
      'Finding',
      'First seen',
      'Age / deadline',
      'Change',
    ],
    findings.map((finding) => [
      finding.overdue ? '**OVERDUE**' : '',
      finding.status,
      finding.severity,
      finding.rule_id,
      escapeMarkdown(finding.resource.id),
      escapeMarkdown(finding.where),
      escapeMarkdown(finding.message),
      formatDate(finding.first_seen),
      deadlineText(finding),
      finding.change ? CHANGE_LABELS[finding.change] : '',
    ]),
  );
}

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
