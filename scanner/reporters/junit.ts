import type * as XmlBuilder2 from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { gateFailures, inBaseline, type GatePolicy } from '../findings/exit-code';
import type { Finding } from '../findings/finding';
import type { ScanReport } from '../findings/scan-report';
import { atLeast } from '../findings/severity';
import { describeLapsedWaiver, describeLocation, describeWaiver, filePosition } from './describe';
import type { Reporter } from './reporter';

/** What one test case says: nothing (passed), a failure, an error, or skipped with the reason. */
type Outcome = { kind: 'passed' } | { kind: 'failure' | 'error' | 'skipped'; message: string };

/**
 * JUnit XML for CI test views: one test suite per rule, one test case per rule and resource. A test case
 * fails exactly when its finding fails the gate, so the test view and the exit code agree; ERROR is an
 * error; every other status that is not PASS (UNKNOWN, WAIVED, NOT_APPLICABLE, a FAIL below `--fail-on`
 * or in the baseline) is skipped with its status and reason, never shown as passing. Inputs that could
 * not be scanned are errors in a suite of their own.
 */
/**
 * xmlbuilder2 is loaded when a JUnit report is rendered, not when the CLI starts: it takes about 50 ms to
 * load, a sixth of the start-up budget of a template scan that asks for another format.
 */
function xmlBuilder(): typeof XmlBuilder2 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  return require('xmlbuilder2') as typeof XmlBuilder2;
}

export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML: a test case per rule and resource, failing as the gate does',
  render(report, options) {
    const failing = new Set(gateFailures(report.findings, options.gate));
    const byRule = new Map<string, Finding[]>();
    for (const finding of report.findings) {
      byRule.set(finding.rule_id, [...(byRule.get(finding.rule_id) ?? []), finding]);
    }
    const suites = [...byRule.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ruleId, findings]) => ({
        name: `${ruleId} ${findings[0].title}`,
        cases: [...findings]
          .sort((a, b) => a.resource.id.localeCompare(b.resource.id))
          .map((finding) => ({ finding, outcome: outcomeOf(finding, failing.has(finding), options.gate) })),
      }));
    const inputCases = report.errors.map((error) => ({
      name: filePosition(error) || 'input',
      message: error.message,
    }));
    const count = (kind: Outcome['kind']): number =>
      suites.reduce((sum, suite) => sum + suite.cases.filter((c) => c.outcome.kind === kind).length, 0);
    const total = suites.reduce((sum, suite) => sum + suite.cases.length, 0) + inputCases.length;

    const root = xmlBuilder()
      .create({ version: '1.0', encoding: 'UTF-8' })
      .ele('testsuites', {
        name: 'lexguard',
        tests: total,
        failures: count('failure'),
        errors: count('error') + inputCases.length,
        skipped: count('skipped'),
        timestamp: report.scan.started_at,
      });
    for (const suite of suites) {
      const element = root.ele('testsuite', {
        name: suite.name,
        tests: suite.cases.length,
        failures: suite.cases.filter((c) => c.outcome.kind === 'failure').length,
        errors: suite.cases.filter((c) => c.outcome.kind === 'error').length,
        skipped: suite.cases.filter((c) => c.outcome.kind === 'skipped').length,
      });
      addProperties(element, report);
      for (const { finding, outcome } of suite.cases) addCase(element, finding, outcome);
    }
    if (inputCases.length > 0) {
      const inputs = root.ele('testsuite', {
        name: 'lexguard inputs',
        tests: inputCases.length,
        failures: 0,
        errors: inputCases.length,
        skipped: 0,
      });
      addProperties(inputs, report);
      for (const input of inputCases) {
        inputs
          .ele('testcase', { name: input.name, classname: 'lexguard.inputs' })
          .ele('error', { message: input.message, type: 'INPUT' })
          .txt(`${input.name}: ${input.message}`);
      }
    }
    if (suites.length === 0 && inputCases.length === 0) {
      addProperties(
        root.ele('testsuite', { name: 'lexguard', tests: 0, failures: 0, errors: 0, skipped: 0 }),
        report,
      );
    }
    return `${root.end({ prettyPrint: true })}\n`;
  },
};

/**
 * Which lexguard and which policy bundle judged, in every suite (the JUnit schema allows properties only
 * there): a CI run's test view then says which rules it passed, and `lexguard verify` can be checked
 * against the same digest.
 */
function addProperties(suite: XMLBuilder, report: ScanReport): void {
  const properties = suite.ele('properties');
  properties.ele('property', { name: 'lexguard.version', value: report.tool.version });
  properties.ele('property', { name: 'lexguard.policy_digest', value: report.policy.digest });
}

function addCase(suite: XMLBuilder, finding: Finding, outcome: Outcome): void {
  const location = finding.location;
  const testCase = suite.ele('testcase', {
    name: `${finding.resource.id}${finding.scenario ? ` when ${finding.scenario}` : ''}`,
    classname: finding.rule_id,
    ...(location.kind === 'template' ? { file: location.file } : {}),
    ...(location.kind === 'template' && location.line !== undefined ? { line: location.line } : {}),
  });
  if (outcome.kind === 'passed') return;
  testCase
    .ele(outcome.kind, { message: outcome.message, type: finding.status })
    .txt(outcome.kind === 'skipped' ? '' : details(finding));
}

function outcomeOf(finding: Finding, failsGate: boolean, gate: GatePolicy): Outcome {
  const status = `${finding.status} ${finding.severity}: ${finding.message}`;
  if (finding.status === 'ERROR') return { kind: 'error', message: finding.message };
  if (failsGate) return { kind: 'failure', message: status };
  if (finding.status === 'PASS') return { kind: 'passed' };
  if (finding.status === 'WAIVED' && finding.waiver) {
    return { kind: 'skipped', message: `${status} (${describeWaiver(finding.waiver)})` };
  }
  if (inBaseline(finding, gate)) return { kind: 'skipped', message: `${status} (in the baseline)` };
  if (finding.status === 'FAIL' && !atLeast(finding.severity, gate.failOn)) {
    return { kind: 'skipped', message: `${status} (below --fail-on ${gate.failOn})` };
  }
  return { kind: 'skipped', message: status };
}

function details(finding: Finding): string {
  return [
    `${finding.rule_id} ${finding.title} (${finding.clauses.join(', ')})`,
    `at ${describeLocation(finding)}`,
    finding.message,
    ...(finding.lapsed_waiver ? [describeLapsedWaiver(finding.lapsed_waiver)] : []),
    ...(finding.status === 'FAIL' ? [`fix: ${finding.remediation}`] : []),
  ].join('\n');
}
