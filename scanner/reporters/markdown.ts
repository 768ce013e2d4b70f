import { inBaseline, type GatePolicy } from '../findings/exit-code';
import type { Finding } from '../findings/finding';
import { STATUSES } from '../findings/status';
import {
  describeLapsedWaiver,
  describeLocation,
  describeSuppressionUse,
  filePosition,
  gateVerdict,
  sortFindings,
  suppressionsToReview,
} from './describe';
import { escapeMarkdown as md } from './markdown-escape';
import type { Reporter } from './reporter';

/** Rows a table shows before it says how many more there are: a pull-request comment has a size limit. */
const MAX_ROWS = 50;

/**
 * A Markdown summary for pull-request comments: the gate's verdict, counts by status, then tables of what
 * fails the gate, what could not be decided, what is waived (reason, owner, expiry), suppressions to review
 * and inputs that could not be scanned. Every value that comes from the scanned input is escaped.
 */
export const markdownReporter: Reporter = {
  name: 'markdown',
  description: 'a Markdown summary for pull-request comments',
  render(report, options) {
    const verdict = gateVerdict(report, options.gate);
    const lines: string[] = [
      `## lexguard: ${verdict.passed ? 'passed' : 'failed'}`,
      '',
      `${md(verdict.text)}  `,
      `lexguard ${md(report.tool.version)}, policy \`${report.policy.digest.slice(0, 12)}\`, ${report.policy.rules} rules, ${report.scan.targets.length} target(s)`,
      '',
      `| ${STATUSES.join(' | ')} |`,
      `| ${STATUSES.map(() => '---:').join(' | ')} |`,
      `| ${STATUSES.map((status) => report.summary.by_status[status]).join(' | ')} |`,
    ];
    const sorted = sortFindings(report.findings);
    const failing = sorted.filter(
      (f) => f.status === 'ERROR' || f.status === 'FAIL' || f.status === 'UNKNOWN',
    );
    lines.push(
      ...findingsTable(
        'Failing and undecided findings',
        failing,
        ['Status', 'Severity', 'Rule', 'Resource', 'Message'],
        (f) => [
          statusCell(f, options.gate),
          f.severity,
          md(f.rule_id),
          md(describeLocation(f)),
          messageCell(f),
        ],
      ),
      ...findingsTable(
        'Waived findings',
        sorted.filter((f) => f.status === 'WAIVED'),
        ['Rule', 'Resource', 'Reason', 'Owner', 'Expires', 'Written in'],
        (f) => [
          md(f.rule_id),
          md(describeLocation(f)),
          md(f.waiver?.reason ?? ''),
          md(f.waiver?.owner ?? ''),
          md(f.waiver?.expires ?? ''),
          md(f.waiver?.source ?? ''),
        ],
      ),
    );
    const review = suppressionsToReview(report);
    if (review.length > 0) {
      lines.push(
        '',
        '### Suppressions to review',
        '',
        ...review.map((use) => `- ${md(describeSuppressionUse(use))}`),
      );
    }
    if (report.errors.length > 0) {
      lines.push(
        '',
        '### Inputs that could not be scanned',
        '',
        ...report.errors.map((error) => {
          const where = filePosition(error);
          return `- ${md(`${where ? `${where}: ` : ''}${error.message}`)}`;
        }),
      );
    }
    return `${lines.join('\n')}\n`;
  },
};

function statusCell(finding: Finding, gate: GatePolicy): string {
  return inBaseline(finding, gate) ? `${finding.status} (baseline)` : `**${finding.status}**`;
}

function messageCell(finding: Finding): string {
  const lapsed = finding.lapsed_waiver ? ` ${describeLapsedWaiver(finding.lapsed_waiver)}` : '';
  return md(`${finding.message}${lapsed}`);
}

function findingsTable(
  title: string,
  findings: Finding[],
  headers: string[],
  row: (finding: Finding) => string[],
): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, MAX_ROWS);
  return [
    '',
    `### ${title} (${findings.length})`,
    '',
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...shown.map((finding) => `| ${row(finding).join(' | ')} |`),
    ...(findings.length > shown.length ? ['', `…and ${findings.length - shown.length} more.`] : []),
  ];
}
