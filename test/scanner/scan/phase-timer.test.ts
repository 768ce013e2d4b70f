import { formatTimings, PHASES, PhaseTimer, timed } from '../../../scanner/scan/phase-timer';

describe('PhaseTimer', () => {
  it('adds up the time of each phase over every call, and returns what the work returned', () => {
    const timer = new PhaseTimer();
    timer.add('parse', 2);
    expect(timer.time('parse', () => 'parsed')).toBe('parsed');
    timer.add('parse', 3);
    const totals = timer.totalsMs();
    expect(totals.parse).toBeGreaterThanOrEqual(5);
    expect(totals.evaluate).toBe(0);
  });

  it('counts the time of work that throws, and lets the error through', () => {
    const timer = new PhaseTimer();
    expect(() =>
      timer.time('resolve', () => {
        throw new Error('bad template');
      }),
    ).toThrow('bad template');
    expect(Object.keys(timer.totalsMs())).toEqual([...PHASES]);
  });

  it('runs the work plainly when no timer was asked for', () => {
    expect(timed(undefined, 'report', () => 42)).toBe(42);
  });

  it('prints one line naming every phase, what they leave out and the total, in milliseconds', () => {
    const timer = new PhaseTimer();
    timer.add('start', 50);
    timer.add('evaluate', 12.345);
    const line = formatTimings(timer);
    expect(line).toMatch(
      /^lexguard: timings \(ms\): start=50\.0 load=0\.0 parse=0\.0 resolve=0\.0 evaluate=12\.3 findings=0\.0 report=0\.0 other=\d+\.\d total=\d+\.\d\n$/,
    );
  });
});
