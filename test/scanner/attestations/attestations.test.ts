import { attestationsAt } from '../../../scanner/attestations/attestations-at';
import { attestedControlIds, loadAttestationsFile } from '../../../scanner/attestations/load-attestations';
import { DEFAULT_CONFIG } from '../../../scanner/config/load-config';
import { PolicyEngine } from '../../../scanner/engine/policy-engine';
import { LexguardError } from '../../../scanner/errors';
import { scanTemplates } from '../../../scanner/scan/scan-templates';
import { fixture } from '../../_helpers/paths';

/** The scan date the fixtures' attestations are judged against. */
const NOW = new Date('2026-11-23T12:00:00Z');

const KNOWN = [
  'CP-04.access-review',
  'CP-10.restore-tests',
  'CP-14.findings-review',
  'CP-15.training',
  'CP-15.paper-records',
  'CP-15.client-consent',
  'CP-15.breach-response-plan',
];

function refusal(name: string): string {
  try {
    loadAttestationsFile(KNOWN, fixture('attestations', name));
  } catch (thrown) {
    if (thrown instanceof LexguardError) return thrown.describe();
    throw thrown;
  }
  throw new Error(`${name} was accepted`);
}

describe('the attestations file', () => {
  it('reads each attested control’s owner, date, evidence and expiry', () => {
    expect(loadAttestationsFile(KNOWN, fixture('attestations', 'firm.yaml'))['CP-15.training']).toEqual({
      owner: 'hr-team',
      date: '2026-01-15',
      evidence: 'https://intranet.firm.example/training/2026',
      expires: '2027-01-15',
    });
  });

  it('is none when no file is given and the working directory has none', () => {
    expect(loadAttestationsFile(KNOWN, undefined, fixture('rules'))).toEqual({});
  });

  it.each([
    [
      'unknown-control.yaml',
      /unknown-control\.yaml:7:3: CP-15\.trainng is not an attested control of the catalog \(known: CP-04\.access-review, /,
    ],
    ['missing-evidence.yaml', /missing-evidence\.yaml:2:3: .*evidence/],
    [
      'expires-first.yaml',
      /expires-first\.yaml:6:5: attestations\.CP-15\.breach-response-plan\.expires is not after its date 2026-06-30/,
    ],
    ['no-such-day.yaml', /no-such-day\.yaml:4:5: attestations\.CP-14\.findings-review\.date is not a date/],
  ])('refuses %s, naming the file, line and column', (name, message) => {
    expect(refusal(name)).toMatch(message);
  });

  it('counts the days left from the scan time, negative from the start of the expiry day', () => {
    const attested = { owner: 'o', date: '2026-01-01', evidence: 'e' };
    const at = attestationsAt(
      { due: { ...attested, expires: '2026-11-24' }, lapsed: { ...attested, expires: '2026-11-23' } },
      NOW.toISOString(),
    );
    expect(at.due.days_until_expiry).toBe(0);
    expect(at.lapsed.days_until_expiry).toBe(-1);
  });
});

describe('LG-ATT-001 in a scan', () => {
  let engine: PolicyEngine;
  beforeAll(async () => {
    engine = await PolicyEngine.load();
  });

  const scan = (paths: string[]) =>
    scanTemplates({
      paths,
      engine,
      config: {
        ...DEFAULT_CONFIG,
        skipRules: engine.rules.map((r) => r.id).filter((id) => id !== 'LG-ATT-001'),
      },
      attestations: loadAttestationsFile(
        attestedControlIds(engine.manifest.catalog),
        fixture('attestations', 'firm.yaml'),
      ),
      now: () => NOW,
    });

  it('knows the catalog’s attested controls', () => {
    expect(attestedControlIds(engine.manifest.catalog).sort()).toEqual([...KNOWN].sort());
  });

  it('passes a current attestation, fails a lapsed one and is UNKNOWN for a missing one, once per scan', () => {
    const report = scan([fixture('templates', 'good.json'), fixture('rules', 'LG-CT-002', 'bad.yaml')]);
    const byControl = Object.fromEntries(report.findings.map((f) => [f.resource.id, f]));
    expect(report.findings).toHaveLength(KNOWN.length);
    expect(byControl['CP-15.training']).toMatchObject({
      status: 'PASS',
      clauses: ['CP-15'],
      frameworks: { 'nist-800-53': ['AT-2'], 'iso-27001': ['A.6.3'] },
      location: { kind: 'scope' },
    });
    expect(byControl['CP-10.restore-tests']).toMatchObject({
      status: 'FAIL',
      clauses: ['CP-10'],
      message: 'the attestation of CP-10.restore-tests by platform-team on 2025-10-01 lapsed on 2026-04-01',
    });
    expect(byControl['CP-15.client-consent']).toMatchObject({
      status: 'UNKNOWN',
      clauses: ['CP-15'],
      frameworks: {},
    });
  });

  it('fills the report’s attestations with the days left at the scan', () => {
    const report = scan([fixture('templates', 'good.json')]);
    expect(report.attestations?.['CP-15.training']).toMatchObject({
      owner: 'hr-team',
      days_until_expiry: 52,
    });
    expect(report.attestations?.['CP-10.restore-tests']?.days_until_expiry).toBeLessThan(0);
  });
});
