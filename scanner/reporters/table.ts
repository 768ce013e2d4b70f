import picocolors from 'picocolors';
import { inBaseline } from '../findings/exit-code';
import type { Finding } from '../findings/finding';
import type { ScanReport } from '../findings/scan-report';
import { STATUSES, type Status } from '../findings/status';
import {
  describeLapsedWaiver,
  describeLocation,
  describeSuppressionUse,
  describeWaiver,
  filePosition,
  gateVerdict,
  isListed,
  sortFindings,
  suppressionsToReview,
  targetOf,
} from './describe';
import type { Reporter, ReporterOptions } from './reporter';
import { terminalSafe as t } from './terminal-escape';

/**
 * Colours always on here: whether to paint at all is the `color` option's call (the CLI's sink knows
 * whether its output is a terminal), not picocolors' guess about this process's standard output.
 */
const pc = picocolors.createColors(true);

type Paint = (text: string) => string;
type Painter = (colour: Paint, text: string) => string;

const STATUS_COLOURS: Record<Status, Paint> = {
  FAIL: pc.red,
  ERROR: pc.magenta,
  UNKNOWN: pc.yellow,
  WAIVED: pc.cyan,
  PASS: pc.green,
  NOT_APPLICABLE: pc.dim,
};

/** A readable report for terminals: findings grouped by file or target, worst first, then a summary. */
export const tableReporter: Reporter = {
  name: 'table',
  description: 'findings grouped by target, for terminals (coloured when the output is one)',
  render(report, options) {
    const paint: Painter = (colour, text) => (options.color ? colour(text) : text);
    const lines: string[] = [];
    lines.push(
      paint(
        pc.bold,
        `lexguard ${t(report.tool.version)} · policy ${t(report.policy.digest.slice(0, 12))} (${report.policy.rules} rules) · ${report.scan.targets.length} target(s)`,
      ),
    );
    const shown = report.findings.filter((f) => isListed(f, options.showPassed));
    for (const [target, findings] of groupByTarget(shown)) {
      lines.push('', paint(pc.underline, t(target)));
      for (const finding of sortFindings(findings)) lines.push(...renderFinding(finding, options, paint));
    }
    if (report.notes.length > 0) {
      lines.push('', paint(pc.bold, 'Notes:'));
      for (const note of report.notes) {
        const where = filePosition(note);
        lines.push(`  ${t(`${where ? `${where}: ` : ''}${note.message}`)}`);
      }
    }
    const review = suppressionsToReview(report);
    if (review.length > 0) {
      lines.push('', paint(pc.bold, 'Suppressions to review:'));
      for (const use of review) lines.push(`  ${paint(pc.yellow, t(describeSuppressionUse(use)))}`);
    }
    const verdict = gateVerdict(report, options.gate);
    lines.push('', summaryLine(report, paint), paint(verdict.passed ? pc.green : pc.red, verdict.text), '');
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

function renderFinding(finding: Finding, options: ReporterOptions, paint: Painter): string[] {
  const status = paint(STATUS_COLOURS[finding.status], finding.status.padEnd(14));
  const baseline = inBaseline(finding, options.gate) ? paint(pc.dim, ' [in baseline]') : '';
  const lines = [
    `  ${status} ${finding.severity.padEnd(8)} ${t(finding.rule_id).padEnd(11)} ${t(describeLocation(finding))}${baseline}`,
  ];
  const indent = ' '.repeat(2 + 15 + 9 + 12);
  lines.push(`${indent}${t(finding.message)}`);
  if (finding.scenario) lines.push(`${indent}${paint(pc.dim, `when ${t(finding.scenario)}`)}`);
  if (finding.waiver) lines.push(`${indent}${paint(pc.cyan, t(describeWaiver(finding.waiver)))}`);
  if (finding.lapsed_waiver)
    lines.push(`${indent}${paint(pc.red, t(describeLapsedWaiver(finding.lapsed_waiver)))}`);
  if (finding.status === 'FAIL')
    lines.push(`${indent}${paint(pc.dim, `fix: ${t(finding.remediation.split('\n')[0])}`)}`);
  return lines;
}

function summaryLine(report: ScanReport, paint: Painter): string {
  const parts = STATUSES.map((status) =>
    paint(
      report.summary.by_status[status] > 0 ? STATUS_COLOURS[status] : pc.dim,
      `${report.summary.by_status[status]} ${status}`,
    ),
  );
  const errors = report.errors.length > 0 ? `; ${report.errors.length} input(s) could not be scanned` : '';
  return `Summary: ${parts.join(', ')}${errors}`;
}
