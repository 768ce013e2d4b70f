import { createHash } from 'node:crypto';
import { LexguardError } from '../errors';
import type { ScanReport } from '../findings/scan-report';

export const HISTORY_RECORD_FORMAT = 'lexguard-history/1';

/**
 * One stored scan. Immutable once written. Its name carries the scan's start and the digest of the scan
 * report, so the same scan always gets the same name (storing it twice, even from two writers at once,
 * keeps one record) and a damaged or edited report is detected when it is read.
 */
export interface HistoryRecord {
  format: typeof HISTORY_RECORD_FORMAT;
  /**
   * For each finding open in this scan (by fingerprint, `findings/fingerprint.ts`), when it was first seen open in the run of scans
   * that ends with this one. Carried forward from the previous record when the record is stored, so a
   * report needs only this record and the one before, however long the history.
   */
  open_since: Record<string, string>;
  report: ScanReport;
}

/** A record's name in a store, which sorts in scan order: `20261123T091500123Z_<16 hex digits>`. */
export interface RecordRef {
  id: string;
  /** When the scan started (ISO 8601), read from the id. */
  started_at: string;
}

/** A record ready to store: its id, its exact bytes and their SHA-256 (for the transfer). */
export interface EncodedRecord {
  ref: RecordRef;
  bytes: Buffer;
  sha256: Buffer;
}

const RECORD_NAME = /^(\d{8}T\d{9}Z)_([0-9a-f]{16})\.json$/;
export const RECORD_SUFFIX = '.json';

export function encodeRecord(record: HistoryRecord): EncodedRecord {
  const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest();
  const reportDigest = digestOfReport(record.report);
  const startedAt = new Date(record.report.scan.started_at);
  if (Number.isNaN(startedAt.getTime())) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `scan.started_at "${record.report.scan.started_at}" is not a date`,
    );
  }
  const stamp = startedAt.toISOString().replace(/[-:.]/g, '');
  const id = `${stamp}_${reportDigest.slice(0, 16)}`;
  return { ref: { id, started_at: startedAt.toISOString() }, bytes, sha256 };
}

/** The ref a stored object's name stands for, or undefined for anything else (temporary files, strays). */
export function refOfName(name: string): RecordRef | undefined {
  const match = RECORD_NAME.exec(name);
  if (!match) return undefined;
  const s = match[1];
  const startedAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return { id: `${match[1]}_${match[2]}`, started_at: startedAt };
}

/**
 * SHA-256 of the report's JSON. JSON.stringify of parsed JSON gives back the same text, so the digest
 * of a report read from a record is the digest it was stored under.
 */
function digestOfReport(report: ScanReport): string {
  return createHash('sha256').update(JSON.stringify(report)).digest('hex');
}

/** Parses a record's bytes, refusing a record whose report does not match the digest in its name. */
export function decodeRecord(bytes: Buffer, ref: RecordRef, where: string): HistoryRecord {
  let record: unknown;
  try {
    record = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new LexguardError('HISTORY_INVALID', `history record ${where} is not JSON`);
  }
  if (
    typeof record !== 'object' ||
    record === null ||
    (record as { format?: unknown }).format !== HISTORY_RECORD_FORMAT ||
    typeof (record as { report?: unknown }).report !== 'object'
  ) {
    throw new LexguardError('HISTORY_INVALID', `${where} is not a ${HISTORY_RECORD_FORMAT} record`);
  }
  const digest = digestOfReport((record as HistoryRecord).report);
  const expected = ref.id.split('_')[1];
  if (!digest.startsWith(expected)) {
    throw new LexguardError(
      'HISTORY_INVALID',
      `history record ${where} is damaged: its report's SHA-256 starts ${digest.slice(0, 16)}, its name says ${expected}`,
    );
  }
  return record as HistoryRecord;
}
