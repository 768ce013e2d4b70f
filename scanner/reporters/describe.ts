import { gateOutcome, type GatePolicy } from '../findings/exit-code';
import type { Finding, FindingLocation, Waiver } from '../findings/finding';
import type { ScanReport, SuppressionUse } from '../findings/scan-report';
import { SEVERITIES } from '../findings/severity';
import { STATUSES, type Status } from '../findings/status';

/** Words every reporter shares, so the table, Markdown, JUnit and SARIF say the same thing the same way. */

/** Findings listed one by one unless `--show-passed` asks for all. */
const LISTED: ReadonlySet<Status> = new Set<Status>(['FAIL', 'ERROR', 'UNKNOWN', 'WAIVED']);

export function isListed(finding: Finding, showPassed: boolean): boolean {
  return showPassed || LISTED.has(finding.status);
}

/** Worst first: by status, severity, rule, then resource. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      a.rule_id.localeCompare(b.rule_id) ||
      a.resource.id.localeCompare(b.resource.id),
  );
}

/** `file:line:column`, or as much of it as is known. */
export function filePosition(item: { file?: string; line?: number; column?: number }): string {
  if (!item.file) return '';
  const line =
    item.line !== undefined ? `:${item.line}${item.column !== undefined ? `:${item.column}` : ''}` : '';
  return `${item.file}${line}`;
}

/** The resource a finding is about: logical id (construct path) and place, an ARN, or the scan. */
export function describeLocation(finding: Finding): string {
  const { location } = finding;
  if (location.kind === 'template') {
    const construct = location.construct_path ? ` (${location.construct_path})` : '';
    return `${location.logical_id}${construct} ${filePosition(location)}`;
  }
  if (location.kind === 'live') return `${location.arn}${location.call ? ` [${location.call}]` : ''}`;
  return finding.resource.id === '*' ? 'scan' : finding.resource.id;
}

/** What a finding's target is grouped under: its file, account and region, or the scanned target. */
export function targetOf(location: FindingLocation): string {
  if (location.kind === 'template') return location.file;
  if (location.kind === 'live') return `${location.account} ${location.region}`;
  return location.target;
}

export function describeWaiver(waiver: Waiver): string {
  return `waived by ${waiver.owner} until ${waiver.expires}: ${waiver.reason} (${waiver.source})`;
}

export function describeLapsedWaiver(waiver: Waiver): string {
  return `suppression expired on ${waiver.expires}, so this fails again: ${waiver.reason}, owned by ${waiver.owner} (${waiver.source})`;
}

export function describeSuppressionUse(use: SuppressionUse): string {
  const state =
    use.matched === 0
      ? 'matches no FAIL or UNKNOWN finding; remove it or correct what it covers'
      : use.state === 'expired'
        ? `expired on ${use.expires}: ${use.matched} finding(s) fail again`
        : `waives ${use.matched} finding(s) until ${use.expires}`;
  return `${use.rule} for ${use.covers} (${use.source}), owned by ${use.owner}: ${state}`;
}

/** Suppressions worth a reader's attention: unused or expired. */
export function suppressionsToReview(report: ScanReport): SuppressionUse[] {
  return report.suppressions.filter((use) => use.matched === 0 || use.state === 'expired');
}

/** The gate's verdict in one line, matching the exit code. */
export function gateVerdict(report: ScanReport, gate: GatePolicy): { passed: boolean; text: string } {
  const outcome = gateOutcome(report, gate);
  const rule = [
    `--fail-on ${gate.failOn}`,
    ...(gate.failOnUnknown ? ['unknown fails'] : []),
    ...(gate.baseline ? [`baseline of ${gate.baseline.size}`] : []),
    ...(gate.strictSuppressions ? ['strict suppressions'] : []),
  ].join(', ');
  if (outcome.inputErrors > 0) {
    return {
      passed: false,
      text: `Gate (${rule}): FAILED, ${outcome.inputErrors} input(s) could not be scanned (see the errors)`,
    };
  }
  const reasons = [
    ...(outcome.failures.length > 0 ? [`${outcome.failures.length} finding(s)`] : []),
    ...(gate.strictSuppressions && outcome.unusedSuppressions > 0
      ? [`${outcome.unusedSuppressions} suppression(s) match nothing`]
      : []),
  ];
  return reasons.length > 0
    ? { passed: false, text: `Gate (${rule}): FAILED, ${reasons.join(' and ')}` }
    : { passed: true, text: `Gate (${rule}): passed` };
}
