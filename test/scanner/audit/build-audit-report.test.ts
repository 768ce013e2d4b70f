import { buildAuditReport, type AuditInput } from '../../../scanner/audit/build-audit-report';
import { clauseCatalogFrom } from '../../../scanner/audit/clause-catalog';
import { DEFAULT_REMEDIATION_DEADLINES } from '../../../scanner/config/defaults';
import { fingerprintAt, liveFinding, scanReport, templateFinding } from '../../_helpers/scan-reports';

const catalog = clauseCatalogFrom({ catalog: { clauses: [{ id: 'CP-01', title: 'Encryption at rest' }] } });

function audit(input: Partial<AuditInput> & Pick<AuditInput, 'current'>) {
  return buildAuditReport({ remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES, catalog, ...input });
}

describe('buildAuditReport', () => {
  it('shows UNKNOWN and WAIVED apart from passing, per clause, and never as passing', () => {
    const report = audit({
      current: scanReport([
        templateFinding({ resource: 's/A', status: 'PASS' }),
        templateFinding({ resource: 's/B', status: 'FAIL' }),
        templateFinding({ resource: 's/C', status: 'UNKNOWN' }),
        templateFinding({ resource: 's/D', status: 'WAIVED' }),
        templateFinding({ resource: 's/E', status: 'NOT_APPLICABLE' }),
      ]),
    });
    const cp01 = report.clauses.find((clause) => clause.id === 'CP-01');
    expect(cp01).toMatchObject({
      title: 'Encryption at rest',
      verdict: 'FAIL',
      tally: { assessed: 4, pass_pct: 25, fail_pct: 25, unknown_pct: 25, waived_pct: 25 },
    });
    expect(report.totals.pass_pct).toBe(25);
  });

  it('gives a clause with only unknown findings the verdict UNKNOWN, not PASS', () => {
    const report = audit({
      current: scanReport([
        templateFinding({ resource: 's/A', status: 'PASS' }),
        templateFinding({ resource: 's/B', status: 'UNKNOWN' }),
      ]),
    });
    expect(report.clauses[0]).toMatchObject({ id: 'CP-01', verdict: 'UNKNOWN', tally: { pass_pct: 50 } });
  });

  it('lists every policy clause, marking those no rule checks and those only attested', () => {
    const current = {
      ...scanReport([templateFinding({ status: 'PASS' })]),
      attestations: {
        'CP-15.training': {
          owner: 'risk partner',
          date: '2026-10-01',
          evidence: 'https://intranet/training-2026',
          expires: '2026-11-01',
          days_until_expiry: -22,
        },
      },
    };
    const report = audit({ current, now: new Date('2026-11-23T12:00:00Z') });
    expect(report.clauses.map((clause) => clause.id)).toHaveLength(15);
    expect(report.clauses.find((clause) => clause.id === 'CP-04')?.verdict).toBe('NOT_ASSESSED');
    expect(report.clauses.find((clause) => clause.id === 'CP-15')).toMatchObject({
      verdict: 'MANUAL',
      attestations: ['CP-15.training'],
    });
    expect(report.attestations).toEqual([
      expect.objectContaining({
        id: 'CP-15.training',
        owner: 'risk partner',
        date: '2026-10-01',
        lapsed: true,
      }),
    ]);
  });

  it('says so, visibly, when no clause catalog or framework mapping is available', () => {
    const report = buildAuditReport({
      current: scanReport([templateFinding()]),
      remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
      catalog: clauseCatalogFrom(undefined),
    });
    expect(report.catalog_note).toMatch(/no clause catalog/);
    expect(report.frameworks).toMatchObject({
      available: false,
      note: expect.stringMatching(/no framework mappings/),
    });
  });

  it('gives status per framework and control from the findings’ mappings', () => {
    const mapped = (resource: string, status: 'PASS' | 'FAIL') => ({
      ...templateFinding({ resource, status }),
      frameworks: { 'ISO 27001:2022': ['A.8.24'], 'SOC 2': ['CC6.1', 'CC6.7'] },
    });
    const report = audit({ current: scanReport([mapped('s/A', 'PASS'), mapped('s/B', 'FAIL')]) });
    expect(report.frameworks.available).toBe(true);
    expect(
      report.frameworks.frameworks.map((f) => [f.framework, f.tally.pass_pct, f.controls.length]),
    ).toEqual([
      ['ISO 27001:2022', 50, 1],
      ['SOC 2', 50, 2],
    ]);
  });

  it('ages open findings from their first-seen date and puts overdue ones first', () => {
    const current = scanReport(
      [
        templateFinding({ resource: 's/Recent', severity: 'CRITICAL' }),
        templateFinding({ resource: 's/Old', severity: 'LOW' }),
        templateFinding({ resource: 's/Late', severity: 'CRITICAL' }),
      ],
      '2026-11-23T09:00:00.000Z',
    );
    const report = audit({
      current,
      openSince: {
        [fingerprintAt('s/Old')]: '2026-06-01T09:00:00.000Z',
        [fingerprintAt('s/Late')]: '2026-11-10T09:00:00.000Z',
      },
      now: new Date('2026-11-23T10:00:00Z'),
    });
    expect(
      report.findings.map((f) => [f.resource.id, f.first_seen?.slice(0, 10), f.age_days, f.overdue]),
    ).toEqual([
      ['s/Late', '2026-11-10', 13, true],
      ['s/Recent', '2026-11-23', 0, false],
      ['s/Old', '2026-06-01', 175, false],
    ]);
    expect(report.changes.overdue).toBe(1);
  });

  it('carries evidence: template position, or API call, time and response digest', () => {
    const report = audit({ current: scanReport([templateFinding(), liveFinding()]) });
    const live = report.findings.find((f) => f.evidence.kind === 'live');
    expect(live).toMatchObject({
      account: '111122223333',
      region: 'eu-west-1',
      evidence: { calls: [{ call: 's3:GetBucketEncryption', time: '2026-11-23T09:15:02.000Z' }] },
    });
    expect(report.findings.find((f) => f.evidence.kind === 'template')?.where).toBe(
      'DocsBucket stack.yaml:12:3',
    );
    expect(report.scan).toMatchObject({ accounts: ['111122223333'], regions: ['eu-west-1'] });
  });

  it('marks a waiver past its expiry', () => {
    const waived = {
      ...templateFinding({ status: 'WAIVED' }),
      waiver: {
        reason: 'migration',
        owner: 'j.doe',
        expires: '2026-11-01',
        source: 'lexguard.suppressions.yaml:3:5',
        written_in: 'suppressions_file' as const,
      },
    };
    const report = audit({ current: scanReport([waived]), now: new Date('2026-11-23T00:00:00Z') });
    expect(report.findings[0].waiver).toMatchObject({ owner: 'j.doe', expired: true });
  });
});
