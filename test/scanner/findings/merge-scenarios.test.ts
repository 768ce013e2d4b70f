import type { Finding } from '../../../scanner/findings/finding';
import { mergeScenarioFindings, type ScenarioFindings } from '../../../scanner/findings/merge-scenarios';
import type { Status } from '../../../scanner/findings/status';
import { sampleFinding } from '../../_helpers/findings';

function finding(resource: string, status: Status, scenario?: string): Finding {
  return sampleFinding({
    status,
    message: status,
    resource: { id: resource, kind: 's3_bucket' },
    ...(scenario ? { scenario } : {}),
  });
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

  /** The four scenarios of conditions A and B, with bucket b's status in each, in the order TT, TF, FT, FF. */
  function grid(statuses: [Status, Status, Status, Status]): ScenarioFindings[] {
    const truths: Array<[boolean, boolean]> = [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ];
    return truths.map(([a, b], index) =>
      scenario(
        [
          ['A', a],
          ['B', b],
        ],
        [finding('b', statuses[index])],
      ),
    );
  }

  it.each<[string, [Status, Status, Status, Status], string[]]>([
    [
      'leaving out the conditions that do not matter to it',
      ['PASS', 'FAIL', 'PASS', 'FAIL'],
      ['PASS B=true', 'FAIL B=false'],
    ],
    [
      'naming each scenario exactly when no condition can be left out',
      ['FAIL', 'FAIL', 'PASS', 'FAIL'],
      ['FAIL (A=true, B=true) or (A=true, B=false) or (A=false, B=false)', 'PASS A=false, B=true'],
    ],
  ])('gives one finding per status, %s', (_name, statuses, expected) => {
    const merged = mergeScenarioFindings(grid(statuses));
    expect(merged.map((f) => `${f.status} ${f.scenario}`)).toEqual(expected);
  });

  it('names the scenarios a resource exists in when it does not exist in all', () => {
    const merged = mergeScenarioFindings([
      scenario([['Create', true]], [finding('b', 'FAIL')]),
      scenario([['Create', false]], []),
    ]);
    expect(merged.map((f) => `${f.status} ${f.scenario}`)).toEqual(['FAIL Create=true']);
  });
});
