import { isDeepStrictEqual } from 'node:util';
import type { Finding } from './finding';
import type { ScanReport } from './scan-report';

/**
 * The version of the JSON report's layout (`--format json`); its schema is published as
 * `docs/schema/scan-report-<version>.json`. Bumped on any incompatible change. Reports of layout 1.0,
 * whose every finding repeated its rule's text, are still read (`read-scan-report.ts`).
 */
export const JSON_REPORT_SCHEMA_VERSION = '2.0';

/** What a rule says of all its findings: written once per rule, under the report's `rules`. */
export interface RuleFields {
  title: string;
  severity: Finding['severity'];
  clauses: string[];
  remediation: string;
  frameworks?: Record<string, string[]>;
}

/** The fields a finding shares with the other findings of its rule, written once under `rules`. */
type RuleText = 'title' | 'clauses' | 'remediation' | 'frameworks';

/**
 * A finding as the JSON report writes it: its rule's title, clauses, remediation and frameworks are in
 * the report's `rules`, under its `rule_id`. It keeps its severity (what most filters select on), and
 * carries any of those four fields only where its own differ from its rule's: a finding about an
 * attested control names that control's clause and framework controls.
 */
export type ReportedFinding = Omit<Finding, RuleText> & Partial<Pick<Finding, RuleText>>;

/** The JSON report: a scan report whose findings refer to their rules' text rather than repeating it. */
export interface JsonReport extends Omit<ScanReport, 'schema_version' | 'findings'> {
  /** Version of this document's layout; bumped on any incompatible change. */
  schema_version: typeof JSON_REPORT_SCHEMA_VERSION;
  /** Every rule that has a finding in `findings`, by id. */
  rules: Record<string, RuleFields>;
  findings: ReportedFinding[];
}

/**
 * The JSON report of a scan, its findings left empty for `reportedFinding` to write (a slice at a time,
 * for large reports). A rule's fields are those of its first finding; every finding built from the rule
 * shares them, so the comparison is mostly by reference.
 */
export function jsonReportOutline(report: ScanReport): JsonReport {
  const rules: Record<string, RuleFields> = {};
  for (const { rule_id, title, severity, clauses, remediation, frameworks } of report.findings) {
    if (Object.hasOwn(rules, rule_id)) continue;
    rules[rule_id] = frameworks
      ? { title, severity, clauses, remediation, frameworks }
      : { title, severity, clauses, remediation };
  }
  const { schema_version: _layout, tool, policy, scan, findings: _findings, ...after } = report;
  // Keys in the order of the 1.0 layout, with `rules` just before the findings that refer to it.
  return { schema_version: JSON_REPORT_SCHEMA_VERSION, tool, policy, scan, rules, findings: [], ...after };
}

/** A finding as the JSON report writes it, given its rule's entry in the report's `rules`. */
export function reportedFinding(finding: Finding, rule: RuleFields): ReportedFinding {
  const { title, clauses, remediation, frameworks, ...rest } = finding;
  const reported: ReportedFinding = rest;
  if (title !== rule.title) reported.title = title;
  if (!sameValue(clauses, rule.clauses)) reported.clauses = clauses;
  if (remediation !== rule.remediation) reported.remediation = remediation;
  if (!sameValue(frameworks, rule.frameworks)) reported.frameworks = frameworks ?? {};
  return reported;
}

/** The JSON report of a scan, whole (`jsonReportOutline` and `reportedFinding` write it in pieces). */
export function toJsonReport(report: ScanReport): JsonReport {
  const outline = jsonReportOutline(report);
  return {
    ...outline,
    findings: report.findings.map((finding) => reportedFinding(finding, outline.rules[finding.rule_id])),
  };
}

/** The scan report a JSON report was written from: each finding gets its rule's fields back. */
export function fromJsonReport(document: JsonReport): ScanReport {
  const { schema_version: _layout, tool, policy, scan, rules, findings, ...after } = document;
  return {
    schema_version: '1.0',
    tool,
    policy,
    scan,
    findings: findings.map((finding) => findingOf(finding, rules[finding.rule_id])),
    ...after,
  };
}

function findingOf(reported: ReportedFinding, rule: RuleFields | undefined): Finding {
  if (!rule) throw new Error(`a finding of ${reported.rule_id}, a rule the report's rules do not list`);
  const { rule_id, title, severity, clauses, remediation, frameworks, ...rest } = reported;
  const own = {
    title: title ?? rule.title,
    clauses: clauses ?? rule.clauses,
    remediation: remediation ?? rule.remediation,
    frameworks: frameworks ?? rule.frameworks,
  };
  // In the order a scan builds a finding's keys (`build-findings.ts`).
  return own.frameworks
    ? {
        rule_id,
        title: own.title,
        severity,
        clauses: own.clauses,
        remediation: own.remediation,
        frameworks: own.frameworks,
        ...rest,
      }
    : { rule_id, title: own.title, severity, clauses: own.clauses, remediation: own.remediation, ...rest };
}

/** Equal by reference (the findings a scan builds share their rule's) or else by value (a report read back). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || isDeepStrictEqual(a, b);
}
