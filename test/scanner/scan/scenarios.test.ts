import { consistent, judgeScenarios, type Question } from '../../../scanner/scan/scenarios';

const env = (literal: string): Question => ({
  key: `Is${literal}`,
  comparison: { variable: 'Env', literal, allowed: ['dev', 'prod', 'staging'] },
});

describe('judgeScenarios', () => {
  it('builds once when nothing is undecidable', () => {
    let builds = 0;
    const judged = judgeScenarios(() => {
      builds++;
      return { undecided: [] };
    }, 16);
    expect(judged.map((j) => j.scenario.label)).toEqual([undefined]);
    expect(builds).toBe(1);
  });

  it('splits on the conditions met, and again on those met only inside a branch', () => {
    const judged = judgeScenarios(({ assumptions }) => {
      const undecided: Question[] = [{ key: 'A' }];
      if (assumptions.get('A') === false) undecided.push({ key: 'B' });
      return { undecided };
    }, 16);
    expect(judged.map((j) => j.scenario.label)).toEqual(['A=true', 'A=false, B=true', 'A=false, B=false']);
  });

  it('leaves out combinations no value of a parameter can produce', () => {
    const judged = judgeScenarios(() => ({ undecided: [env('dev'), env('prod')] }), 16);
    expect(judged.map((j) => j.scenario.label)).toEqual([
      'Isdev=true, Isprod=false',
      'Isdev=false, Isprod=true',
      'Isdev=false, Isprod=false',
    ]);
  });

  it('stops at the bound and rebuilds the last scenarios with the reason', () => {
    const notes: Array<string | undefined> = [];
    const judged = judgeScenarios((_scenario, note) => {
      notes.push(note);
      return { undecided: ['A', 'B', 'C'].map((key) => ({ key })) };
    }, 4);
    expect(judged.map((j) => j.scenario.label)).toEqual([
      'A=true, B=true',
      'A=true, B=false',
      'A=false, B=true',
      'A=false, B=false',
    ]);
    expect(notes.filter((note) => note !== undefined)).toHaveLength(4);
    expect(notes.at(-1)).toMatch(/at most 4 scenarios .*limits\.max_scenarios/);
  });
});

describe('consistent', () => {
  const questions = new Map([env('dev'), env('prod'), env('staging')].map((q) => [q.key, q]));
  it.each<[string, Array<[string, boolean]>, boolean]>([
    ['one equality', [['Isdev', true]], true],
    [
      'two equalities of one variable',
      [
        ['Isdev', true],
        ['Isprod', true],
      ],
      false,
    ],
    [
      'unequal to every allowed value',
      [
        ['Isdev', false],
        ['Isprod', false],
        ['Isstaging', false],
      ],
      false,
    ],
    [
      'unequal to some allowed values',
      [
        ['Isdev', false],
        ['Isprod', false],
      ],
      true,
    ],
  ])('judges %s', (_name, assumptions, expected) => {
    expect(consistent(new Map(assumptions), questions)).toBe(expected);
  });
});
