import { exitCodeFor, gateFailures, type GatePolicy } from '../../../scanner/findings/exit-code';
import { fingerprintOf } from '../../../scanner/findings/fingerprint';
import type { Finding } from '../../../scanner/findings/finding';
import type { Severity } from '../../../scanner/findings/severity';
import type { Status } from '../../../scanner/findings/status';

function finding(status: Status, severity: Severity): Finding {
  return {
    rule_id: 'LG-T-001',
    title: 't',
    severity,
    clauses: ['CP-01'],
    status,
    message: 'm',
    remediation: 'r',
    resource: { id: 'r', kind: 's3_bucket' },
    location: { kind: 'scope', target: 't' },
  };
}

const gate = (failOn: Severity, failOnUnknown = false): GatePolicy => ({ failOn, failOnUnknown });

describe('exitCodeFor', () => {
  it.each<[string, Finding[], GatePolicy, number, number]>([
    ['all passing', [finding('PASS', 'HIGH')], gate('LOW'), 0, 0],
    ['a FAIL at the threshold', [finding('FAIL', 'MEDIUM')], gate('MEDIUM'), 0, 1],
    ['a FAIL below the threshold', [finding('FAIL', 'LOW')], gate('MEDIUM'), 0, 0],
    ['an UNKNOWN by default', [finding('UNKNOWN', 'CRITICAL')], gate('LOW'), 0, 0],
    ['an UNKNOWN when unknown fails', [finding('UNKNOWN', 'CRITICAL')], gate('LOW', true), 0, 1],
    ['a WAIVED finding', [finding('WAIVED', 'CRITICAL')], gate('LOW', true), 0, 0],
    ['an ERROR below the threshold', [finding('ERROR', 'LOW')], gate('CRITICAL'), 0, 1],
    ['an input error with passing findings', [finding('PASS', 'LOW')], gate('LOW'), 1, 2],
    ['an input error with failing findings', [finding('FAIL', 'HIGH')], gate('LOW'), 1, 2],
  ])('%s', (_name, findings, policy, inputErrors, expected) => {
    expect(exitCodeFor(findings, policy, inputErrors)).toBe(expected);
  });

  it('lists the findings that fail the gate', () => {
    const failing = finding('FAIL', 'HIGH');
    expect(gateFailures([failing, finding('FAIL', 'LOW'), finding('PASS', 'HIGH')], gate('HIGH'))).toEqual([
      failing,
    ]);
  });

  it('lets a baseline accept FAIL and UNKNOWN findings but never an ERROR', () => {
    const accepted = [finding('FAIL', 'HIGH'), finding('UNKNOWN', 'HIGH'), finding('ERROR', 'HIGH')];
    const baseline = new Set(accepted.map(fingerprintOf));
    expect(exitCodeFor(accepted.slice(0, 2), { ...gate('LOW', true), baseline }, 0)).toBe(0);
    expect(exitCodeFor(accepted, { ...gate('LOW', true), baseline }, 0)).toBe(1);
  });

  it('fails on suppressions that match nothing only when strict', () => {
    expect(exitCodeFor([finding('PASS', 'LOW')], gate('LOW'), 0, 1)).toBe(0);
    expect(exitCodeFor([finding('PASS', 'LOW')], { ...gate('LOW'), strictSuppressions: true }, 0, 1)).toBe(1);
  });
});
