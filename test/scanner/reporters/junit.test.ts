import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_GATE, type GatePolicy } from '../../../scanner/findings/exit-code';
import { fingerprintOf } from '../../../scanner/findings/fingerprint';
import { junitReporter } from '../../../scanner/reporters/junit';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

interface TestCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text'?: string };
  error?: { message: string };
  skipped?: { message: string };
}
interface Suite {
  name: string;
  tests: number;
  failures: number;
  testcase: TestCase[];
}

function parse(gate: GatePolicy = DEFAULT_GATE): {
  xml: string;
  suites: Suite[];
  root: Record<string, unknown>;
} {
  const xml = junitReporter.render(SAMPLE_REPORT, { color: false, showPassed: false, gate });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const parsed = parser.parse(xml) as { testsuites: Record<string, unknown> & { testsuite: Suite[] } };
  return { xml, suites: parsed.testsuites.testsuite, root: parsed.testsuites };
}

function testCase(suites: Suite[], classname: string, name: string): TestCase | undefined {
  return suites.flatMap((suite) => suite.testcase).find((c) => c.classname === classname && c.name === name);
}

describe('the JUnit reporter', () => {
  it('writes well-formed XML', () => {
    expect(XMLValidator.validate(parse().xml)).toBe(true);
  });

  it('matches its snapshot', () => {
    expect(parse().xml).toMatchSnapshot();
  });

  it('has one test case per rule and resource, in one suite per rule, plus one per unreadable input', () => {
    const { suites, root } = parse();
    expect(suites.map((suite) => suite.name)).toEqual([
      'LG-KMS-001 Customer managed keys rotate automatically',
      'LG-S3-001 S3 buckets encrypt by default with a customer managed KMS key',
      'LG-S3-003 Bucket policies deny requests without TLS',
      'lexguard inputs',
    ]);
    const cases = suites.flatMap((suite) => suite.testcase.map((c) => `${c.classname} ${c.name}`));
    expect(cases).toHaveLength(SAMPLE_REPORT.findings.length + SAMPLE_REPORT.errors.length);
    expect(new Set(cases).size).toBe(cases.length);
    expect(root).toMatchObject({ tests: 10, failures: 4, errors: 2, skipped: 3 });
  });

  it('fails a test case exactly when its finding fails the gate, and never shows UNKNOWN or WAIVED as passing', () => {
    const { suites } = parse();
    expect(testCase(suites, 'LG-S3-001', 'store/PlainBucket')?.failure?.type).toBe('FAIL');
    expect(testCase(suites, 'LG-S3-001', 'store/LegacyBucket')?.failure?.['#text']).toContain(
      'suppression expired on 2026-09-30',
    );
    expect(testCase(suites, 'LG-S3-003', '*')?.error?.message).toContain('could not be evaluated');
    expect(testCase(suites, 'LG-S3-001', 'store/ImportedKeyBucket')?.skipped?.message).toMatch(
      /^UNKNOWN HIGH/,
    );
    expect(testCase(suites, 'LG-S3-001', 'store/MigrationBucket')?.skipped?.message).toContain(
      'waived by platform-team until 2026-12-31',
    );
    expect(testCase(suites, 'LG-KMS-001', 'store/SigningKey')?.skipped?.message).toMatch(/^NOT_APPLICABLE/);
    const passed = testCase(suites, 'LG-KMS-001', 'store/DocumentsKey');
    expect(passed && !passed.failure && !passed.error && !passed.skipped).toBe(true);
  });

  it('skips, saying why, a FAIL below --fail-on or in the baseline', () => {
    const baseline = new Set([fingerprintOf(SAMPLE_REPORT.findings[0])]);
    const { suites } = parse({ failOn: 'HIGH', failOnUnknown: false, baseline });
    expect(testCase(suites, 'LG-KMS-001', 'store/StaticKey')?.skipped?.message).toContain(
      'below --fail-on HIGH',
    );
    expect(testCase(suites, 'LG-S3-001', 'store/PlainBucket')?.skipped?.message).toContain('in the baseline');
  });

  it('escapes what a template controls, so the parsed message is exactly the finding’s', () => {
    const { suites } = parse();
    const hostile = testCase(suites, 'LG-S3-001', 'store/Hostile|Bucket');
    expect(hostile?.failure?.message).toBe(`FAIL HIGH: ${SAMPLE_REPORT.findings[1].message}`);
  });
});
