import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import { JSON_REPORT_SCHEMA_VERSION, toJsonReport } from '../../../scanner/findings/json-report';
import { parseScanReport } from '../../../scanner/findings/read-scan-report';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import { jsonReporter } from '../../../scanner/reporters/json';
import { reportSchemaValidator } from '../../_helpers/schemas';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

const options = { color: false, showPassed: false, gate: DEFAULT_GATE };
const render = (report: ScanReport): string => jsonReporter.render(report, options);

/** The sample report with one finding about an attested control: its own clause and framework controls. */
const WITH_ATTESTED: ScanReport = {
  ...SAMPLE_REPORT,
  findings: [
    ...SAMPLE_REPORT.findings,
    {
      ...SAMPLE_REPORT.findings[0],
      clauses: ['CP-15'],
      frameworks: { 'iso-27001': ['A.7.7'] },
      message: 'an attested control',
    },
  ],
};

describe('the JSON reporter', () => {
  it('writes each rule once, under rules, and findings that refer to it by rule_id', () => {
    const written = JSON.parse(render(SAMPLE_REPORT)) as {
      schema_version: string;
      rules: Record<string, { title: string; remediation: string }>;
      findings: Array<Record<string, unknown>>;
    };
    expect(written.schema_version).toBe(JSON_REPORT_SCHEMA_VERSION);
    const ruleIds = [...new Set(SAMPLE_REPORT.findings.map((f) => f.rule_id))].sort();
    expect(Object.keys(written.rules).sort()).toEqual(ruleIds);
    for (const [index, finding] of written.findings.entries()) {
      const original = SAMPLE_REPORT.findings[index];
      expect(written.rules[original.rule_id]).toMatchObject({
        title: original.title,
        remediation: original.remediation,
      });
      expect(finding).toMatchObject({ rule_id: original.rule_id, severity: original.severity });
      expect(Object.keys(finding)).not.toEqual(expect.arrayContaining(['title']));
      expect(Object.keys(finding)).not.toEqual(expect.arrayContaining(['remediation']));
      expect(Object.keys(finding)).not.toEqual(expect.arrayContaining(['clauses']));
    }
    expect(render(SAMPLE_REPORT)).toMatchSnapshot();
  });

  it('is read back as the scan report it was written from, whole, attested controls included', () => {
    for (const report of [SAMPLE_REPORT, WITH_ATTESTED, { ...SAMPLE_REPORT, findings: [] }]) {
      expect(parseScanReport(render(report), 'report.json')).toEqual(report);
    }
    const written = JSON.parse(render(WITH_ATTESTED)) as { findings: Array<Record<string, unknown>> };
    expect(written.findings.at(-1)).toMatchObject({
      clauses: ['CP-15'],
      frameworks: { 'iso-27001': ['A.7.7'] },
    });
  });

  it('writes in pieces, for files, exactly what JSON.stringify writes whole, however many findings', () => {
    const tricky: ScanReport = {
      ...SAMPLE_REPORT,
      findings: SAMPLE_REPORT.findings.map((finding, index) => ({
        ...finding,
        message: index === 0 ? 'a message with\n  "findings": [],\n inside' : finding.message,
      })),
    };
    const many: ScanReport = {
      ...SAMPLE_REPORT,
      findings: Array.from({ length: 2001 }, (_, index) => ({
        ...SAMPLE_REPORT.findings[index % SAMPLE_REPORT.findings.length],
        message: `finding ${index}`,
      })),
    };
    for (const report of [SAMPLE_REPORT, WITH_ATTESTED, tricky, many, { ...SAMPLE_REPORT, findings: [] }]) {
      const whole = `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
      expect([...(jsonReporter.renderChunks?.(report, options) ?? [])].join('')).toBe(whole);
      expect(render(report)).toBe(whole);
    }
  });

  it('validates against the published schema of its schema_version', () => {
    const validate = reportSchemaValidator();
    for (const report of [SAMPLE_REPORT, WITH_ATTESTED]) {
      expect(validate(JSON.parse(render(report)))).toBe(true);
      expect(validate.errors ?? null).toBeNull();
    }
  });

  it('is refused by the schema when a finding lacks what every reader relies on', () => {
    const validate = reportSchemaValidator();
    const broken = JSON.parse(render(SAMPLE_REPORT)) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[0].status;
    expect(validate(broken)).toBe(false);
  });
});
