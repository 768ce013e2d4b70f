import type { EncodedRecord, RecordRef } from './history-record';

/**
 * Where scan records are kept: a local folder or an S3 prefix. Stores only add whole records: a record is
 * written in one atomic step and never changed, so concurrent writers and a writer killed mid-way leave
 * every listed record complete.
 */
export interface HistoryStore {
  /** The folder or `s3://bucket/prefix`, for messages. */
  readonly location: string;
  /** Every complete record, oldest scan first. */
  list(): Promise<RecordRef[]>;
  /** A record's bytes, exactly as written. */
  read(ref: RecordRef): Promise<Buffer>;
  /** Writes a record unless one with the same id (hence the same bytes) is already there. */
  write(record: EncodedRecord): Promise<'stored' | 'already-stored'>;
}

/** Sorts refs by scan time, then id, the order every store lists them in. */
export function byScanOrder(a: RecordRef, b: RecordRef): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
