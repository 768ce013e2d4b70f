import type { ScanReport } from '../findings/scan-report';
import { fingerprintOf } from '../findings/fingerprint';
import { isOpen } from '../findings/status';
import {
  decodeRecord,
  encodeRecord,
  HISTORY_RECORD_FORMAT,
  type HistoryRecord,
  type RecordRef,
} from './history-record';
import type { HistoryStore } from './history-store';

export interface RecordedScan {
  ref: RecordRef;
  record: HistoryRecord;
  outcome: 'stored' | 'already-stored';
}

/**
 * Stores a scan in the history as a new immutable record, dating each open finding from the record of
 * the scan before it. Storing the same scan twice stores it once.
 */
export async function recordScan(store: HistoryStore, report: ScanReport): Promise<RecordedScan> {
  const predecessor = (await recordBefore(store, report.scan.started_at))?.record;
  const record: HistoryRecord = {
    format: HISTORY_RECORD_FORMAT,
    open_since: carryOpenSince(report, predecessor),
    report,
  };
  const encoded = encodeRecord(record);
  const outcome = await store.write(encoded);
  return { ref: encoded.ref, record, outcome };
}

/** The record of the last scan stored that started before `startedAt`, if any. */
export async function recordBefore(
  store: HistoryStore,
  startedAt: string,
): Promise<{ ref: RecordRef; record: HistoryRecord } | undefined> {
  const start = new Date(startedAt).toISOString();
  const ref = (await store.list()).filter((candidate) => candidate.started_at < start).at(-1);
  return ref ? { ref, record: await readRecord(store, ref) } : undefined;
}

export async function readRecord(store: HistoryStore, ref: RecordRef): Promise<HistoryRecord> {
  return decodeRecord(await store.read(ref), ref, `${store.location}/scans/${ref.id}.json`);
}

/**
 * When each finding open in `report` was first seen open: the date its predecessor gives when it was
 * open there too, else this scan's start. A finding fixed and later broken again starts a new clock
 * (the report shows it as regressed).
 */
export function carryOpenSince(
  report: ScanReport,
  predecessor: HistoryRecord | undefined,
): Record<string, string> {
  const earlier = predecessor?.open_since ?? {};
  const openSince: Record<string, string> = {};
  for (const finding of report.findings) {
    if (!isOpen(finding.status)) continue;
    const key = fingerprintOf(finding);
    openSince[key] = earlier[key] ?? openSince[key] ?? report.scan.started_at;
  }
  return openSince;
}
