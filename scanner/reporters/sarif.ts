import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  Location,
  Log,
  Notification,
  ReportingDescriptor,
  Result,
  Suppression as SarifSuppression,
} from 'sarif';
import { inBaseline, type GatePolicy } from '../findings/exit-code';
import type { Finding, Waiver } from '../findings/finding';
import { FINGERPRINT_KEY, fingerprintOf } from '../findings/fingerprint';
import type { ScanReport } from '../findings/scan-report';
import type { Severity } from '../findings/severity';
import type { Status } from '../findings/status';
import {
  describeLapsedWaiver,
  describeSuppressionUse,
  isListed,
  sortFindings,
  suppressionsToReview,
} from './describe';
import type { Reporter } from './reporter';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF levels by severity; CRITICAL and HIGH are errors a code-scanning tool should block on. */
const LEVEL: Record<Severity, Result.level> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
};

/** GitHub code scanning ranks alerts by this 0–10 score (`security-severity`). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '3.0',
};

/**
 * How each status becomes a SARIF result. UNKNOWN is reported as a failing result at warning level
 * rather than `review`, because code-scanning tools list only failing results and an UNKNOWN must stay
 * visible; its `properties.status` says what it really is. ERROR is a tool execution notification.
 */
const KIND: Record<Exclude<Status, 'ERROR'>, Result.kind> = {
  FAIL: 'fail',
  UNKNOWN: 'fail',
  WAIVED: 'fail',
  PASS: 'pass',
  NOT_APPLICABLE: 'notApplicable',
};

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps): one run, lexguard's rules with
 * help text, one result per finding with the file, line and column and the logical id or construct path,
 * stable `partialFingerprints` (rule, resource, property) so a finding is tracked across commits, waived
 * findings as accepted suppressions, and `baselineState` when a baseline is given.
 */
export const sarifReporter: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for code scanning (GitHub, Azure DevOps)',
  render(report, options) {
    const resultFindings = sortFindings(
      report.findings.filter((f) => f.status !== 'ERROR' && isListed(f, options.showPassed)),
    );
    const rules = rulesOf(report.findings);
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const log: Log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'lexguard',
              version: report.tool.version,
              semanticVersion: report.tool.version,
              rules,
              properties: { policy_digest: report.policy.digest, opa_version: report.policy.opa_version },
            },
          },
          invocations: [
            {
              executionSuccessful:
                report.errors.length === 0 && !report.findings.some((f) => f.status === 'ERROR'),
              startTimeUtc: report.scan.started_at,
              endTimeUtc: report.scan.finished_at,
              toolExecutionNotifications: executionNotifications(report),
              toolConfigurationNotifications: suppressionsToReview(report).map((use) => ({
                level: 'warning',
                message: { text: describeSuppressionUse(use) },
                descriptor: { id: 'lexguard-suppression' },
                associatedRule: { id: use.rule },
              })),
            },
          ],
          columnKind: 'utf16CodeUnits',
          results: resultFindings.map((finding) =>
            resultOf(finding, ruleIndex.get(finding.rule_id) ?? -1, options.gate),
          ),
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

function rulesOf(findings: readonly Finding[]): ReportingDescriptor[] {
  const byId = new Map<string, Finding>();
  for (const finding of findings) if (!byId.has(finding.rule_id)) byId.set(finding.rule_id, finding);
  return [...byId.values()]
    .sort((a, b) => a.rule_id.localeCompare(b.rule_id))
    .map((finding) => ({
      id: finding.rule_id,
      name: finding.rule_id,
      shortDescription: { text: finding.title },
      fullDescription: { text: `${finding.title} (confidentiality policy ${finding.clauses.join(', ')})` },
      help: {
        text: finding.remediation,
        markdown: `**Fix:** ${finding.remediation}\n\nConfidentiality policy clauses: ${finding.clauses.join(', ')}`,
      },
      defaultConfiguration: { level: LEVEL[finding.severity] },
      properties: {
        severity: finding.severity,
        clauses: finding.clauses,
        tags: ['security', 'compliance', ...finding.clauses],
        'security-severity': SECURITY_SEVERITY[finding.severity],
        precision: 'high',
      },
    }));
}

function resultOf(finding: Finding, ruleIndex: number, gate: GatePolicy): Result {
  const kind = KIND[finding.status as Exclude<Status, 'ERROR'>];
  const lapsed = finding.lapsed_waiver ? ` (${describeLapsedWaiver(finding.lapsed_waiver)})` : '';
  return {
    ruleId: finding.rule_id,
    ruleIndex,
    kind,
    // SARIF allows a level other than `none` only on failing results.
    level: kind === 'fail' ? (finding.status === 'UNKNOWN' ? 'warning' : LEVEL[finding.severity]) : 'none',
    message: { text: `${finding.status}: ${finding.message}${lapsed}` },
    locations: [locationOf(finding)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(finding) },
    ...(gate.baseline ? { baselineState: inBaseline(finding, gate) ? 'unchanged' : 'new' } : {}),
    ...(finding.waiver ? { suppressions: [suppressionOf(finding.waiver)] } : {}),
    properties: {
      status: finding.status,
      severity: finding.severity,
      clauses: finding.clauses,
      resource: finding.resource.id,
      ...(finding.property ? { property: finding.property } : {}),
      ...(finding.scenario ? { scenario: finding.scenario } : {}),
      ...(finding.lapsed_waiver ? { lapsed_waiver: { ...finding.lapsed_waiver } } : {}),
    },
  };
}

function suppressionOf(waiver: Waiver): SarifSuppression {
  return {
    kind: waiver.written_in === 'resource_metadata' ? 'inSource' : 'external',
    status: 'accepted',
    justification: waiver.reason,
    properties: { owner: waiver.owner, expires: waiver.expires, source: waiver.source },
  };
}

function locationOf(finding: Finding): Location {
  const { location } = finding;
  if (location.kind === 'template') {
    return {
      physicalLocation: {
        artifactLocation: { uri: fileUri(location.file) },
        ...(location.line !== undefined
          ? {
              region: {
                startLine: location.line,
                ...(location.column ? { startColumn: location.column } : {}),
              },
            }
          : {}),
      },
      logicalLocations: [
        {
          name: location.logical_id,
          fullyQualifiedName: location.construct_path ?? finding.resource.id,
          kind: 'resource',
        },
      ],
    };
  }
  if (location.kind === 'live') {
    return { logicalLocations: [{ name: location.arn, fullyQualifiedName: location.arn, kind: 'resource' }] };
  }
  return { logicalLocations: [{ name: location.target, kind: 'module' }] };
}

function executionNotifications(report: ScanReport): Notification[] {
  const inputs: Notification[] = report.errors.map((error) => ({
    level: 'error',
    message: { text: error.message },
    descriptor: { id: error.code },
    ...(error.file ? { locations: [fileLocation(error)] } : {}),
  }));
  const broken: Notification[] = report.findings
    .filter((finding) => finding.status === 'ERROR')
    .map((finding) => ({
      level: 'error',
      message: { text: finding.message },
      associatedRule: { id: finding.rule_id },
    }));
  const notes: Notification[] = report.notes.map((note) => ({
    level: 'note',
    message: { text: note.message },
    ...(note.file ? { locations: [fileLocation(note)] } : {}),
  }));
  return [...inputs, ...broken, ...notes];
}

function fileLocation(item: { file?: string; line?: number; column?: number }): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(item.file ?? '') },
      ...(item.line !== undefined
        ? { region: { startLine: item.line, ...(item.column ? { startColumn: item.column } : {}) } }
        : {}),
    },
  };
}

/**
 * A file as a URI reference: relative paths stay relative (code-scanning tools resolve them against the
 * repository root), with `/` separators and each segment percent-encoded; absolute paths become `file:` URIs.
 */
export function fileUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}
