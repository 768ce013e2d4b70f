import type { Finding } from '../../../scanner/findings/finding';
import { mergeScenarioFindings, type ScenarioFindings } from '../../../scanner/findings/merge-scenarios';
import type { Status } from '../../../scanner/findings/status';

function finding(resource: string, status: Status, scenario?: string): Finding {
  return {
    rule_id: 'LG-S3-001',
    title: 't',
    severity: 'HIGH',
    clauses: ['CP-01'],
    status,
    message: status,
    remediation: 'r',
    resource: { id: resource, kind: 's3_bucket' },
    location: { kind: 'scope', target: 'x' },
    ...(scenario ? { scenario } : {}),
  };
}

function scenario(assumptions: Array<[string, boolean]>, findings: Finding[]): ScenarioFindings {
  const label = assumptions.map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return { assumptions: new Map(assumptions), label, findings };
}

describe('mergeScenarioFindings', () => {
  it('keeps one finding, without a scenario, when every scenario agrees', () => {
    const merged = mergeScenarioFindings([
      scenario([['A', true]], [finding('b', 'PASS', 'A=true')]),
      scenario([['A', false]], [finding('b', 'PASS', 'A=false')]),
    ]);
    expect(merged).toEqual([finding('b', 'PASS')]);
  });

  it('gives one finding per status, leaving out the conditions that do not matter to it', () => {
    const merged = mergeScenarioFindings([
      scenario(
        [
          ['A', true],
          ['B', true],
        ],
        [finding('b', 'PASS')],
      ),
      scenario(
        [
          ['A', true],
          ['B', false],
        ],
        [finding('b', 'FAIL')],
      ),
      scenario(
        [
          ['A', false],
          ['B', true],
        ],
        [finding('b', 'PASS')],
      ),
      scenario(
        [
          ['A', false],
          ['B', false],
        ],
        [finding('b', 'FAIL')],
      ),
    ]);
    expect(merged.map((f) => `${f.status} ${f.scenario}`)).toEqual(['PASS B=true', 'FAIL B=false']);
  });

  it('names each scenario of a status exactly when no condition can be left out', () => {
    const merged = mergeScenarioFindings([
      scenario(
        [
          ['A', true],
          ['B', true],
        ],
        [finding('b', 'FAIL')],
      ),
      scenario(
        [
          ['A', true],
          ['B', false],
        ],
        [finding('b', 'FAIL')],
      ),
      scenario(
        [
          ['A', false],
          ['B', true],
        ],
        [finding('b', 'PASS')],
      ),
      scenario(
        [
          ['A', false],
          ['B', false],
        ],
        [finding('b', 'FAIL')],
      ),
    ]);
    expect(merged.map((f) => `${f.status} ${f.scenario}`)).toEqual([
      'FAIL (A=true, B=true) or (A=true, B=false) or (A=false, B=false)',
      'PASS A=false, B=true',
    ]);
  });

  it('names the scenarios a resource exists in when it does not exist in all', () => {
    const merged = mergeScenarioFindings([
      scenario([['Create', true]], [finding('b', 'FAIL')]),
      scenario([['Create', false]], []),
    ]);
    expect(merged.map((f) => `${f.status} ${f.scenario}`)).toEqual(['FAIL Create=true']);
  });
});
