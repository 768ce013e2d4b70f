import type { Finding } from '../../../scanner/findings/finding';
import type { Status } from '../../../scanner/findings/status';
import { applySuppressions } from '../../../scanner/suppressions/apply-suppressions';
import type { Suppression, SuppressionScope } from '../../../scanner/suppressions/suppression';

function finding(status: Status, logicalId = 'Docs', constructPath = 'Store/Docs/Resource'): Finding {
  return {
    rule_id: 'LG-S3-001',
    title: 't',
    severity: 'HIGH',
    clauses: ['CP-01'],
    status,
    message: 'm',
    remediation: 'r',
    resource: { id: `store/${logicalId}`, kind: 's3_bucket' },
    location: { kind: 'template', file: 'store.yaml', logical_id: logicalId, construct_path: constructPath },
  };
}

function suppression(scope: SuppressionScope, expires = '2026-12-31', rule = 'LG-S3-001'): Suppression {
  return {
    rule,
    reason: 'why',
    owner: 'who',
    expires,
    scope,
    origin: { file: 's.yaml', line: 2, column: 5 },
  };
}

const TODAY = '2026-11-23';

describe('applySuppressions', () => {
  it.each<[string, Status, Suppression, Status, 'waiver' | 'lapsed_waiver' | 'none', number]>([
    [
      'waives a FAIL',
      'FAIL',
      suppression({ kind: 'resource', resource_id: 'store/Docs' }),
      'WAIVED',
      'waiver',
      1,
    ],
    [
      'waives an UNKNOWN',
      'UNKNOWN',
      suppression({ kind: 'globs', logical_id: 'Do*' }),
      'WAIVED',
      'waiver',
      1,
    ],
    [
      'holds through its expiry day',
      'FAIL',
      suppression({ kind: 'globs', logical_id: 'Docs' }, TODAY),
      'WAIVED',
      'waiver',
      1,
    ],
    [
      'lapses the day after',
      'FAIL',
      suppression({ kind: 'globs', logical_id: 'Docs' }, '2026-11-22'),
      'FAIL',
      'lapsed_waiver',
      1,
    ],
    [
      'never waives an ERROR',
      'ERROR',
      suppression({ kind: 'globs', logical_id: 'Docs' }),
      'ERROR',
      'none',
      0,
    ],
    [
      'counts a PASS as nothing to waive',
      'PASS',
      suppression({ kind: 'globs', logical_id: 'Docs' }),
      'PASS',
      'none',
      0,
    ],
    [
      'matches construct paths with **',
      'FAIL',
      suppression({ kind: 'globs', construct_path: 'Store/**' }),
      'WAIVED',
      'waiver',
      1,
    ],
    [
      'needs every glob to match',
      'FAIL',
      suppression({ kind: 'globs', logical_id: 'Docs', construct_path: 'Other/**' }),
      'FAIL',
      'none',
      0,
    ],
    [
      'needs the same rule',
      'FAIL',
      suppression({ kind: 'globs', logical_id: 'Docs' }, '2026-12-31', 'LG-S3-003'),
      'FAIL',
      'none',
      0,
    ],
    [
      'needs the same resource',
      'FAIL',
      suppression({ kind: 'resource', resource_id: 'store/Other' }),
      'FAIL',
      'none',
      0,
    ],
  ])('%s', (_name, status, given, expected, carries, matched) => {
    const { findings, uses } = applySuppressions([finding(status)], [given], TODAY);
    expect(findings[0].status).toBe(expected);
    expect(findings[0].waiver !== undefined).toBe(carries === 'waiver');
    expect(findings[0].lapsed_waiver !== undefined).toBe(carries === 'lapsed_waiver');
    expect(uses[0].matched).toBe(matched);
  });

  it('prefers a suppression in force over an expired one, and counts both', () => {
    const expired = suppression({ kind: 'globs', logical_id: 'Docs' }, '2020-01-01');
    const current = suppression({ kind: 'resource', resource_id: 'store/Docs' });
    const { findings, uses } = applySuppressions([finding('FAIL')], [expired, current], TODAY);
    expect(findings[0]).toMatchObject({
      status: 'WAIVED',
      waiver: { expires: '2026-12-31', source: 's.yaml:2:5', written_in: 'resource_metadata' },
    });
    expect(uses.map((use) => [use.state, use.matched])).toEqual([
      ['expired', 1],
      ['active', 1],
    ]);
  });

  it('never matches a finding about the scan as a whole', () => {
    const scope: Finding = {
      ...finding('FAIL'),
      resource: { id: '*', kind: 'scope' },
      location: { kind: 'scope', target: 'x' },
    };
    const { findings } = applySuppressions([scope], [suppression({ kind: 'globs', resource: '**' })], TODAY);
    expect(findings[0].status).toBe('FAIL');
  });
});
