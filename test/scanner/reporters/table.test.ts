import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import { fingerprintOf } from '../../../scanner/findings/fingerprint';
import { tableReporter } from '../../../scanner/reporters/table';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

describe('the table reporter', () => {
  it('matches its snapshot', () => {
    expect(
      tableReporter.render(SAMPLE_REPORT, { color: false, showPassed: true, gate: DEFAULT_GATE }),
    ).toMatchSnapshot();
  });

  it('shows each waiver and lapsed waiver with its owner, expiry and source', () => {
    const text = tableReporter.render(SAMPLE_REPORT, { color: false, showPassed: false, gate: DEFAULT_GATE });
    expect(text).toContain(
      'waived by platform-team until 2026-12-31: vendor replica; key migration tracked in RISK-12 (templates/store.yaml:44:9 (Metadata of MigrationBucket))',
    );
    expect(text).toContain('suppression expired on 2026-09-30, so this fails again: decommissioned by Q3');
    expect(text).toContain('Suppressions to review:');
    expect(text).toContain(
      'LG-KMS-001 for construct_path DocumentStore/Archive*/** (lexguard.suppressions.yaml:8:5), owned by security-team: matches no FAIL or UNKNOWN finding',
    );
  });

  it('marks findings in the baseline and states the gate the exit code applies', () => {
    const baseline = new Set([fingerprintOf(SAMPLE_REPORT.findings[0])]);
    const text = tableReporter.render(
      { ...SAMPLE_REPORT, errors: [] },
      { color: false, showPassed: false, gate: { ...DEFAULT_GATE, baseline, strictSuppressions: true } },
    );
    expect(text).toMatch(/PlainBucket .* \[in baseline\]/);
    expect(text).toContain(
      'Gate (--fail-on LOW, baseline of 1, strict suppressions): FAILED, 4 finding(s) and 1 suppression(s) match nothing',
    );
  });

  it('colours statuses for terminals only when asked to', () => {
    const coloured = tableReporter.render(SAMPLE_REPORT, {
      color: true,
      showPassed: false,
      gate: DEFAULT_GATE,
    });
    expect(coloured).toContain('\u001b[31mFAIL');
    expect(
      tableReporter.render(SAMPLE_REPORT, { color: false, showPassed: false, gate: DEFAULT_GATE }),
    ).not.toContain('\u001b[');
  });
});
