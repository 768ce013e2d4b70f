import { LexguardError } from '../errors';
import type { FindingSummary } from '../findings/summary';
import type { HistoryRecord, RecordRef } from './history-record';
import type { HistoryStore } from './history-store';
import { readRecord } from './record-scan';

/** One past scan's totals, for the trend chart. */
export interface TrendPoint {
  id: string;
  started_at: string;
  summary: FindingSummary;
}

export interface StoredScan {
  ref: RecordRef;
  record: HistoryRecord;
}

/** What a report reads from the history: a scan, the scan before it, and the recent trend. */
export interface HistoryView {
  current: StoredScan;
  previous?: StoredScan;
  /** Up to `trendLength` scans ending with the current one, oldest first. */
  trend: TrendPoint[];
}

export interface HistoryViewOptions {
  /** The scan to report on; the latest when absent. */
  id?: string;
  /** How many scans the trend covers, the current one included. */
  trendLength: number;
}

export async function readHistoryView(
  store: HistoryStore,
  options: HistoryViewOptions,
): Promise<HistoryView> {
  const refs = await store.list();
  const index = options.id ? refs.findIndex((ref) => ref.id === options.id) : refs.length - 1;
  if (index < 0) {
    throw new LexguardError(
      'USAGE',
      options.id
        ? `the scan history ${store.location} has no scan ${options.id}`
        : `the scan history ${store.location} holds no scans yet`,
    );
  }
  const window = refs.slice(Math.max(0, index + 1 - Math.max(options.trendLength, 2)), index + 1);
  const records = await Promise.all(
    window.map(async (ref) => ({ ref, record: await readRecord(store, ref) })),
  );
  const current = records[records.length - 1];
  const previous = records.length > 1 ? records[records.length - 2] : undefined;
  const trend = records.slice(-options.trendLength).map(({ ref, record }) => ({
    id: ref.id,
    started_at: record.report.scan.started_at,
    summary: record.report.summary,
  }));
  return { current, ...(previous ? { previous } : {}), trend };
}
