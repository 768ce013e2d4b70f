import { deadlineStatus } from '../../../scanner/audit/deadlines';
import { DEFAULT_REMEDIATION_DEADLINES } from '../../../scanner/config/defaults';

describe('deadlineStatus (calendar days, UTC)', () => {
  const firstSeen = '2026-03-01T22:30:00.000Z';

  it.each([
    // now, age, days left, overdue
    ['2026-03-01T23:59:00Z', 0, 7, false],
    ['2026-03-02T00:01:00Z', 1, 6, false],
    ['2026-03-08T23:59:59Z', 7, 0, false], // due day: still in time
    ['2026-03-09T00:00:00Z', 8, -1, true], // the day after: overdue
    ['2026-04-01T12:00:00Z', 31, -24, true],
  ])('a CRITICAL finding first seen on 1 March, at %s', (now, age, left, overdue) => {
    const status = deadlineStatus(firstSeen, 'CRITICAL', DEFAULT_REMEDIATION_DEADLINES, new Date(now));
    expect(status).toEqual({
      first_seen: firstSeen,
      age_days: age,
      deadline_days: 7,
      due: '2026-03-08',
      days_left: left,
      overdue,
    });
  });

  it('takes the deadline of the finding’s severity from the configuration', () => {
    const deadlines = { CRITICAL: 1, HIGH: 2, MEDIUM: 3, LOW: 400 };
    const now = new Date('2026-03-05T00:00:00Z');
    expect(deadlineStatus(firstSeen, 'MEDIUM', deadlines, now)).toMatchObject({
      due: '2026-03-04',
      overdue: true,
    });
    expect(deadlineStatus(firstSeen, 'LOW', deadlines, now)).toMatchObject({
      deadline_days: 400,
      overdue: false,
    });
  });
});
