import { LocalHistoryStore } from '../../../scanner/history/local-history-store';
import { readHistoryView } from '../../../scanner/history/read-history';
import { recordScan } from '../../../scanner/history/record-scan';
import { fingerprintAt, scanReport, templateFinding } from '../../_helpers/scan-reports';
import { tempDirs } from '../../_helpers/temp-dirs';

const tempHistory = tempDirs('history');
const store = () => new LocalHistoryStore(tempHistory());
const bucket = (status: 'FAIL' | 'PASS') => templateFinding({ resource: 's/Docs', status });

describe('recordScan', () => {
  it('dates an open finding from the first scan of its unbroken run, and restarts the clock after a fix', async () => {
    const history = store();
    await recordScan(history, scanReport([bucket('FAIL')], '2026-01-01T09:00:00.000Z'));
    const second = await recordScan(history, scanReport([bucket('FAIL')], '2026-01-08T09:00:00.000Z'));
    expect(second.record.open_since).toEqual({ [fingerprintAt('s/Docs')]: '2026-01-01T09:00:00.000Z' });
    await recordScan(history, scanReport([bucket('PASS')], '2026-01-15T09:00:00.000Z'));
    const reopened = await recordScan(history, scanReport([bucket('FAIL')], '2026-01-22T09:00:00.000Z'));
    expect(reopened.record.open_since).toEqual({ [fingerprintAt('s/Docs')]: '2026-01-22T09:00:00.000Z' });
  });

  it('stores the same scan once, and dates a late-stored scan from the scan before it, not the latest', async () => {
    const history = store();
    const first = scanReport([bucket('FAIL')], '2026-01-01T09:00:00.000Z');
    expect((await recordScan(history, first)).outcome).toBe('stored');
    expect((await recordScan(history, first)).outcome).toBe('already-stored');
    await recordScan(history, scanReport([bucket('PASS')], '2026-01-15T09:00:00.000Z'));
    const late = await recordScan(history, scanReport([bucket('FAIL')], '2026-01-08T09:00:00.000Z'));
    expect(late.record.open_since[fingerprintAt('s/Docs')]).toBe('2026-01-01T09:00:00.000Z');
    expect((await history.list()).map((ref) => ref.started_at)).toEqual([
      '2026-01-01T09:00:00.000Z',
      '2026-01-08T09:00:00.000Z',
      '2026-01-15T09:00:00.000Z',
    ]);
  });

  it('reads the latest scan, the one before it and the trend', async () => {
    const history = store();
    for (const day of ['01', '02', '03', '04']) {
      await recordScan(
        history,
        scanReport([bucket(day === '04' ? 'PASS' : 'FAIL')], `2026-01-${day}T09:00:00.000Z`),
      );
    }
    const view = await readHistoryView(history, { trendLength: 3 });
    expect(view.current.record.report.scan.started_at).toBe('2026-01-04T09:00:00.000Z');
    expect(view.previous?.record.report.scan.started_at).toBe('2026-01-03T09:00:00.000Z');
    expect(view.trend.map((point) => [point.started_at.slice(8, 10), point.summary.by_status.FAIL])).toEqual([
      ['02', 1],
      ['03', 1],
      ['04', 0],
    ]);
  });
});
