import { exitCodeFor, gateFailures, type GatePolicy } from '../../../scanner/findings/exit-code';
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
});
