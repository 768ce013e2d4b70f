import pc from 'picocolors';
import { gateFailures } from '../findings/exit-code';
import { describeLocation, targetOf } from '../findings/describe-location';
import type { Finding } from '../findings/finding';
import type { ScanReport } from '../findings/scan-report';
import { SEVERITIES } from '../findings/severity';
import { STATUSES, type Status } from '../findings/status';
import type { Reporter, ReporterOptions } from './reporter';

type Paint = (text: string) => string;

const STATUS_COLOURS: Record<Status, Paint> = {
  FAIL: pc.red,
  ERROR: pc.magenta,
  UNKNOWN: pc.yellow,
  WAIVED: pc.cyan,
  PASS: pc.green,
  NOT_APPLICABLE: pc.dim,
};

/** Findings listed one by one unless `--show-passed` asks for all. */
const LISTED: ReadonlySet<Status> = new Set<Status>(['FAIL', 'ERROR', 'UNKNOWN', 'WAIVED']);

/** A readable report for terminals: findings grouped by file or target, worst first, then a summary. */
export const tableReporter: Reporter = {
  name: 'table',
  description: 'findings grouped by target, for terminals (coloured when the output is one)',
  render(report, options) {
    const paint = (colour: Paint, text: string): string => (options.color ? colour(text) : text);
    const lines: string[] = [];
    lines.push(
      paint(
        pc.bold,
        `lexguard ${report.tool.version} · policy ${report.policy.digest.slice(0, 12)} (${report.policy.rules} rules) · ${report.scan.targets.length} target(s)`,
      ),
    );
    const shown = report.findings.filter((f) => options.showPassed || LISTED.has(f.status));
    for (const [target, findings] of groupByTarget(shown)) {
      lines.push('', paint(pc.underline, target));
      for (const finding of sortFindings(findings)) lines.push(...renderFinding(finding, paint));
    }
    if (report.notes.length > 0) {
      lines.push('', paint(pc.bold, 'Notes:'));
      for (const note of report.notes) lines.push(`  ${position(note)}${note.message}`);
    }
    lines.push('', summaryLine(report, paint), gateLine(report, options, paint), '');
    return lines.join('\n');
  },
};

function groupByTarget(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = targetOf(finding.location);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return groups;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      a.rule_id.localeCompare(b.rule_id) ||
      a.resource.id.localeCompare(b.resource.id),
  );
}

function renderFinding(finding: Finding, paint: (colour: Paint, text: string) => string): string[] {
  const status = paint(STATUS_COLOURS[finding.status], finding.status.padEnd(14));
  const where = describeLocation(finding);
  const lines = [`  ${status} ${finding.severity.padEnd(8)} ${finding.rule_id.padEnd(11)} ${where}`];
  const indent = ' '.repeat(2 + 15 + 9 + 12);
  lines.push(`${indent}${finding.message}`);
  if (finding.scenario) lines.push(`${indent}${paint(pc.dim, `when ${finding.scenario}`)}`);
  if (finding.waiver) {
    lines.push(
      `${indent}${paint(pc.cyan, `waived by ${finding.waiver.owner} until ${finding.waiver.expires}: ${finding.waiver.reason}`)}`,
    );
  }
  if (finding.status === 'FAIL')
    lines.push(`${indent}${paint(pc.dim, `fix: ${finding.remediation.split('\n')[0]}`)}`);
  return lines;
}

function position(item: { file?: string; line?: number; column?: number }): string {
  if (!item.file) return '';
  const line =
    item.line !== undefined ? `:${item.line}${item.column !== undefined ? `:${item.column}` : ''}` : '';
  return `${item.file}${line}: `;
}

function summaryLine(report: ScanReport, paint: (colour: Paint, text: string) => string): string {
  const parts = STATUSES.map((status) =>
    paint(
      report.summary.by_status[status] > 0 ? STATUS_COLOURS[status] : pc.dim,
      `${report.summary.by_status[status]} ${status}`,
    ),
  );
  const errors = report.errors.length > 0 ? `; ${report.errors.length} input(s) could not be scanned` : '';
  return `Summary: ${parts.join(', ')}${errors}`;
}

function gateLine(
  report: ScanReport,
  options: ReporterOptions,
  paint: (colour: Paint, text: string) => string,
): string {
  const failures = gateFailures(report.findings, options.gate).length;
  const rule = `--fail-on ${options.gate.failOn}${options.gate.failOnUnknown ? ', unknown fails' : ''}`;
  if (report.errors.length > 0) {
    return paint(
      pc.red,
      `Gate (${rule}): FAILED, ${report.errors.length} input(s) could not be scanned (see the errors)`,
    );
  }
  return failures > 0
    ? paint(pc.red, `Gate (${rule}): FAILED, ${failures} finding(s)`)
    : paint(pc.green, `Gate (${rule}): passed`);
}
