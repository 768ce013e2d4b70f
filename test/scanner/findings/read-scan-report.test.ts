import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import { parseScanReport } from '../../../scanner/findings/read-scan-report';
import { jsonReporter } from '../../../scanner/reporters/json';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

const written = (): Record<string, unknown> & { findings: Array<Record<string, unknown>> } =>
  JSON.parse(
    jsonReporter.render(SAMPLE_REPORT, { color: false, showPassed: false, gate: DEFAULT_GATE }),
  ) as Record<string, unknown> & { findings: Array<Record<string, unknown>> };

/** JSON reports are read back by `lexguard report`, `verify` and `--baseline`: both layouts, nothing else. */
describe('reading a JSON scan report', () => {
  it('reads a report written by an earlier version, in layout 1.0 (each finding with its rule text)', () => {
    expect(parseScanReport(JSON.stringify(SAMPLE_REPORT, null, 2), 'old.json')).toEqual(SAMPLE_REPORT);
  });

  it('refuses a layout it does not know, at its schema_version', () => {
    const text = JSON.stringify({ ...written(), schema_version: '3.0' }, null, 2);
    expect(() => parseScanReport(text, 'new.json')).toThrow(
      'not a lexguard scan report: schema_version must be 2.0 or 1.0',
    );
  });

  it('refuses a finding of a rule the report does not list, with its position', () => {
    const document = written();
    document.findings[1] = { ...document.findings[1], rule_id: 'LG-XYZ-999' };
    const text = JSON.stringify(document, null, 2);
    const line = text.split('\n').findIndex((row) => row.includes('"LG-XYZ-999"')) + 1;
    let thrown: unknown;
    try {
      parseScanReport(text, 'edited.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      message: 'not a lexguard scan report: findings[1] is of rule LG-XYZ-999, which rules does not list',
      position: { file: 'edited.json', line },
    });
  });
});
