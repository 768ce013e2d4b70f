import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import { jsonReporter } from '../../../scanner/reporters/json';
import { reportSchemaValidator } from '../../_helpers/schemas';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

const render = (report: ScanReport): string =>
  jsonReporter.render(report, { color: false, showPassed: false, gate: DEFAULT_GATE });

describe('the JSON reporter', () => {
  it('writes the whole report, unchanged, as JSON', () => {
    const rendered = render(SAMPLE_REPORT);
    expect(JSON.parse(rendered)).toEqual(SAMPLE_REPORT);
    expect(rendered).toMatchSnapshot();
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
    for (const report of [SAMPLE_REPORT, tricky, many, { ...SAMPLE_REPORT, findings: [] }]) {
      const whole = `${JSON.stringify(report, null, 2)}\n`;
      const options = { color: false, showPassed: false, gate: DEFAULT_GATE };
      expect([...(jsonReporter.renderChunks?.(report, options) ?? [])].join('')).toBe(whole);
      expect(render(report)).toBe(whole);
    }
  });

  it('validates against the published schema of its schema_version', () => {
    const validate = reportSchemaValidator();
    expect(validate(JSON.parse(render(SAMPLE_REPORT)))).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('is refused by the schema when a finding lacks what every reader relies on', () => {
    const validate = reportSchemaValidator();
    const broken = JSON.parse(render(SAMPLE_REPORT)) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[0].status;
    expect(validate(broken)).toBe(false);
  });
});
