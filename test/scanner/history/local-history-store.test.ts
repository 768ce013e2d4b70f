import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../../../scanner/errors';
import { LocalHistoryStore } from '../../../scanner/history/local-history-store';
import { readRecord, recordScan } from '../../../scanner/history/record-scan';
import { exited, readAll, startWriter, untilOutput } from '../../_helpers/history-writers';
import { scanReport, templateFinding } from '../../_helpers/scan-reports';
import { tempDirs } from '../../_helpers/temp-dirs';

const tempHistory = tempDirs('history');

describe('LocalHistoryStore', () => {
  it('keeps every record of two processes writing at once, each readable', async () => {
    const dir = tempHistory();
    const writers = [startWriter(dir, 1, 5, 300), startWriter(dir, 2, 5, 300)];
    expect(await Promise.all(writers.map(exited))).toEqual([0, 0]);
    expect(await readAll(new LocalHistoryStore(dir))).toHaveLength(10);
  });

  it('keeps every record of concurrent writes in one process', async () => {
    const store = new LocalHistoryStore(tempHistory());
    const scans = Array.from({ length: 8 }, (_, i) =>
      scanReport([templateFinding()], new Date(Date.UTC(2026, 0, 1, i)).toISOString()),
    );
    await Promise.all(scans.map((scan) => recordScan(store, scan)));
    expect(await readAll(store)).toHaveLength(8);
  });

  it('stays readable and complete when a writer is killed with SIGKILL mid-write, again and again', async () => {
    const dir = tempHistory();
    const store = new LocalHistoryStore(dir);
    let confirmed = 0;
    for (let round = 0; round < 6; round++) {
      // Odd rounds: killed right after a record's temporary file is written and before it is linked into
      // place. Even rounds: killed at a moment that varies, wherever the writer then is.
      const pause = round % 2 === 1;
      const writer = startWriter(dir, round, 40, 2000, pause);
      let stored = 0;
      writer.stdout?.on(
        'data',
        (chunk: Buffer) => (stored += (chunk.toString().match(/^stored /gm) ?? []).length),
      );
      if (pause) await untilOutput(writer, /linking/);
      else {
        await untilOutput(writer, /ready/);
        await new Promise((resolve) => setTimeout(resolve, 100 + round * 90));
      }
      writer.kill('SIGKILL');
      await exited(writer);
      confirmed += stored;
      // Every record a writer confirmed is there, and whatever else is listed is whole too.
      const listed = (await readAll(store)).length;
      expect(listed).toBeGreaterThanOrEqual(confirmed);
      confirmed = listed;
    }
    // The paused kills left temporary files behind that no reader lists.
    const names = readdirSync(path.join(dir, 'scans'));
    expect(names.filter((name) => name.endsWith('.tmp')).length).toBeGreaterThanOrEqual(3);
    expect((await store.list()).length).toBe(names.filter((name) => !name.endsWith('.tmp')).length);
  }, 120_000);

  it('refuses a record whose report was edited after it was stored', async () => {
    const dir = tempHistory();
    const store = new LocalHistoryStore(dir);
    const { ref } = await recordScan(store, scanReport([templateFinding({ status: 'FAIL' })]));
    const file = path.join(dir, 'scans', `${ref.id}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"FAIL"', '"status":"PASS"'));
    const error = await readRecord(store, ref).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LexguardError);
    expect((error as LexguardError).message).toMatch(
      /history record .* is damaged: its report's SHA-256 starts [0-9a-f]{16}, its name says/,
    );
  });

  it('refuses a file that is not a history record', async () => {
    const dir = tempHistory();
    const store = new LocalHistoryStore(dir);
    const { ref } = await recordScan(store, scanReport([templateFinding()]));
    writeFileSync(path.join(dir, 'scans', `${ref.id}.json`), '{"format":"lexguard-history/1"}\n');
    await expect(readRecord(store, ref)).rejects.toThrow(/is not a lexguard-history\/1 record/);
  });

  it('lists nothing for a history folder that does not exist yet', async () => {
    expect(await new LocalHistoryStore(path.join(tempHistory(), 'none')).list()).toEqual([]);
  });
});
