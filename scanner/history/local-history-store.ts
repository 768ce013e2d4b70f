import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../errors';
import { RECORD_SUFFIX, refOfName, type EncodedRecord, type RecordRef } from './history-record';
import { byScanOrder, type HistoryStore } from './history-store';

/**
 * History in a local folder: `<dir>/scans/<id>.json`. A record is written to a temporary file in the same
 * folder, flushed to disk, then hard-linked to its final name: the link appears whole or not at all, and
 * unlike a rename it never replaces an existing record. Temporary files a killed writer leaves behind do
 * not match the record name pattern, so readers never see them.
 */
export class LocalHistoryStore implements HistoryStore {
  readonly location: string;
  private readonly scansDir: string;

  constructor(dir: string) {
    this.location = dir;
    this.scansDir = path.join(dir, 'scans');
  }

  async list(): Promise<RecordRef[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.scansDir);
    } catch (thrown) {
      if (codeOf(thrown) === 'ENOENT') return [];
      throw this.unreadable(thrown);
    }
    return names
      .map(refOfName)
      .filter((ref): ref is RecordRef => ref !== undefined)
      .sort(byScanOrder);
  }

  async read(ref: RecordRef): Promise<Buffer> {
    try {
      return await fs.readFile(this.fileOf(ref));
    } catch (thrown) {
      throw this.unreadable(thrown);
    }
  }

  async write(record: EncodedRecord): Promise<'stored' | 'already-stored'> {
    const final = this.fileOf(record.ref);
    const temporary = path.join(
      this.scansDir,
      `.${record.ref.id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      await fs.mkdir(this.scansDir, { recursive: true });
      const handle = await fs.open(temporary, 'wx');
      try {
        await handle.writeFile(record.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.link(temporary, final);
      } catch (thrown) {
        // Same id, same digest: the very same record is already there.
        if (codeOf(thrown) === 'EEXIST') return 'already-stored';
        throw thrown;
      }
      await syncDirectory(this.scansDir);
      return 'stored';
    } catch (thrown) {
      throw new LexguardError(
        'INPUT_UNREADABLE',
        `cannot write to the scan history ${this.location}: ${messageOf(thrown)}`,
        { cause: thrown },
      );
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  private fileOf(ref: RecordRef): string {
    return path.join(this.scansDir, `${ref.id}${RECORD_SUFFIX}`);
  }

  private unreadable(thrown: unknown): LexguardError {
    return new LexguardError(
      'INPUT_UNREADABLE',
      `cannot read the scan history ${this.location}: ${messageOf(thrown)}`,
      { cause: thrown },
    );
  }
}

/** Makes the new directory entry durable, so a power cut cannot lose a record already reported stored. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function codeOf(thrown: unknown): unknown {
  return typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined;
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
