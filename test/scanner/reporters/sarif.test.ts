import type { Log, Result } from 'sarif';
import { DEFAULT_GATE, type GatePolicy } from '../../../scanner/findings/exit-code';
import type { Finding } from '../../../scanner/findings/finding';
import { fingerprintOf } from '../../../scanner/findings/fingerprint';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import { fileUri, sarifReporter } from '../../../scanner/reporters/sarif';
import { sarifSchemaValidator } from '../../_helpers/schemas';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

function sarifOf(report: ScanReport, gate: GatePolicy = DEFAULT_GATE, showPassed = false): Log {
  return JSON.parse(sarifReporter.render(report, { color: false, showPassed, gate })) as Log;
}

function resultFor(log: Log, resource: string, ruleId = 'LG-S3-001'): Result | undefined {
  return log.runs[0].results?.find(
    (result) => result.ruleId === ruleId && result.properties?.resource === resource,
  );
}

describe('the SARIF reporter', () => {
  const validate = sarifSchemaValidator();

  it.each([
    ['failing findings only', false],
    ['every finding (--show-passed)', true],
  ])('writes SARIF 2.1.0 that the official schema accepts: %s', (_name, showPassed) => {
    const log = sarifOf(SAMPLE_REPORT, { ...DEFAULT_GATE, baseline: new Set() }, showPassed);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('is rejected by the schema when a result is malformed, so the validation can fail', () => {
    const log = sarifOf(SAMPLE_REPORT);
    (log.runs[0].results as unknown as Array<Record<string, unknown>>)[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('matches its snapshot', () => {
    expect(
      sarifReporter.render(SAMPLE_REPORT, { color: false, showPassed: false, gate: DEFAULT_GATE }),
    ).toMatchSnapshot();
  });

  it('describes each rule with help text, severity and clauses', () => {
    const rules = sarifOf(SAMPLE_REPORT).runs[0].tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(['LG-KMS-001', 'LG-S3-001', 'LG-S3-003']);
    const encryption = rules.find((rule) => rule.id === 'LG-S3-001');
    expect(encryption?.help?.text).toContain('SSE-KMS');
    expect(encryption?.properties).toMatchObject({
      severity: 'HIGH',
      clauses: ['CP-01'],
      'security-severity': '8.0',
    });
    expect(encryption?.defaultConfiguration?.level).toBe('error');
  });

  it('places a result at its file, line and column, with the logical id and construct path', () => {
    const result = resultFor(sarifOf(SAMPLE_REPORT), 'store/PlainBucket');
    expect(result?.locations?.[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'templates/store.yaml' },
        region: { startLine: 12, startColumn: 3 },
      },
      logicalLocations: [
        { name: 'PlainBucket', fullyQualifiedName: 'DocumentStore/PlainBucket/Resource', kind: 'resource' },
      ],
    });
    expect(result?.level).toBe('error');
  });

  it('keeps a finding’s fingerprint when it moves within the file, and tells findings apart by property', () => {
    const finding = SAMPLE_REPORT.findings[0];
    const moved: Finding = {
      ...finding,
      location: { ...finding.location, line: 400 } as Finding['location'],
    };
    const otherProperty: Finding = { ...finding, property: 'encryption.kms_key' };
    expect(fingerprintOf(moved)).toBe(fingerprintOf(finding));
    expect(fingerprintOf(otherProperty)).not.toBe(fingerprintOf(finding));
    const fingerprints = sarifOf(SAMPLE_REPORT).runs[0].results?.map(
      (result) => result.partialFingerprints?.['lexguardFinding/v1'],
    );
    expect(new Set(fingerprints).size).toBe(fingerprints?.length);
  });

  it('reports a waived finding as an accepted suppression with its justification and owner', () => {
    const result = resultFor(sarifOf(SAMPLE_REPORT), 'store/MigrationBucket');
    expect(result?.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'vendor replica; key migration tracked in RISK-12',
        properties: {
          owner: 'platform-team',
          expires: '2026-12-31',
          source: 'templates/store.yaml:44:9 (Metadata of MigrationBucket)',
        },
      },
    ]);
  });

  it('keeps an UNKNOWN visible as a warning-level result whose status says UNKNOWN', () => {
    const result = resultFor(sarifOf(SAMPLE_REPORT), 'store/ImportedKeyBucket');
    expect(result).toMatchObject({ kind: 'fail', level: 'warning', properties: { status: 'UNKNOWN' } });
  });

  it('marks findings new or unchanged against a baseline', () => {
    const baseline = new Set([fingerprintOf(SAMPLE_REPORT.findings[0])]);
    const log = sarifOf(SAMPLE_REPORT, { ...DEFAULT_GATE, baseline });
    expect(resultFor(log, 'store/PlainBucket')?.baselineState).toBe('unchanged');
    expect(resultFor(log, 'store/LegacyBucket')?.baselineState).toBe('new');
  });

  it('reports rules that could not run and inputs that could not be read as failed execution', () => {
    const invocation = sarifOf(SAMPLE_REPORT).runs[0].invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    const messages = invocation?.toolExecutionNotifications?.map((n) => n.message.text);
    expect(messages).toEqual(
      expect.arrayContaining([
        'invalid JSON: comma expected',
        expect.stringContaining('rule LG-S3-003 could not be evaluated'),
      ]),
    );
    expect(invocation?.toolConfigurationNotifications?.map((n) => n.message.text)).toEqual([
      expect.stringContaining('LG-S3-001 for logical_id LegacyBucket'),
      expect.stringContaining(
        'LG-KMS-001 for construct_path DocumentStore/Archive*/** (lexguard.suppressions.yaml:8:5)',
      ),
    ]);
  });

  it.each([
    ['templates/store.yaml', 'templates/store.yaml'],
    ['dir with space/a#1.yaml', 'dir%20with%20space/a%231.yaml'],
    ['/abs/cdk.out/Store.template.json', 'file:///abs/cdk.out/Store.template.json'],
  ])('writes the file %s as the URI %s', (file, uri) => {
    expect(fileUri(file)).toBe(uri);
  });
});
