import { readdirSync } from 'node:fs';
import path from 'node:path';
import { LocalHistoryStore } from '../../../scanner/history/local-history-store';
import { readHistoryView } from '../../../scanner/history/read-history';
import { confirmedIds, exited, readAll, startWriter, untilOutput } from '../../_helpers/history-writers';
import { seededRandom } from '../../_helpers/seeded-random';
import { tempDirs } from '../../_helpers/temp-dirs';

/**
 * The history's promise under the worst a scheduled scanner meets: several writers storing scans into one
 * folder at once, some of them killed with SIGKILL at random moments, round after round. After every
 * round, nothing a writer confirmed is lost (`stored <id>` is printed only after the record is linked
 * and the folder synced), everything listed reads back whole with a matching digest, and the history
 * still opens as an audit view. Seeded: a failure names its seed, and `HISTORY_LOOP_SEED` and
 * `HISTORY_LOOP_ROUNDS` replay it or run longer.
 */
const SEED = Number(process.env.HISTORY_LOOP_SEED ?? 20261123);
const ROUNDS = Number(process.env.HISTORY_LOOP_ROUNDS ?? 8);
const WRITERS_PER_ROUND = 3;
const tempHistory = tempDirs('kill-loop');

describe('the local history under concurrent writers and SIGKILL, in a loop', () => {
  it(
    `loses and corrupts nothing in ${ROUNDS} rounds of ${WRITERS_PER_ROUND} writers (seed ${SEED})`,
    async () => {
      const next = seededRandom(SEED);
      const dir = tempHistory();
      const store = new LocalHistoryStore(dir);
      const confirmed = new Set<string>();
      let killed = 0;
      let killedMidLink = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // Writer numbers stay below 60 so that no two writers give a scan the same start time.
        const writers = Array.from({ length: WRITERS_PER_ROUND }, (_, k) => {
          const pause = k === 0 && next() < 0.5;
          const child = startWriter(
            dir,
            (round * WRITERS_PER_ROUND + k) % 60,
            15,
            150 + Math.floor(next() * 600),
            pause,
          );
          return { child, ids: confirmedIds(child), pause };
        });
        await Promise.all(writers.map(({ child }) => untilOutput(child, /ready/)));
        await Promise.all(
          writers.map(async ({ child, pause }) => {
            // A writer is killed where it happens to be after a random delay, or (pause) at the one moment
            // between writing its temporary file and linking it; about one in four runs to the end.
            if (pause) {
              await untilOutput(child, /linking/);
              killedMidLink++;
            } else if (next() < 0.25) return;
            else await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 700)));
            child.kill('SIGKILL');
            killed++;
          }),
        );
        await Promise.all(writers.map(({ child }) => exited(child)));
        for (const { ids } of writers) for (const id of ids) confirmed.add(id);
        const listed = new Set(await readAll(store));
        const lost = [...confirmed].filter((id) => !listed.has(id));
        expect(`round ${round}: lost ${lost.join(', ') || 'none'}`).toBe(`round ${round}: lost none`);
        const view = await readHistoryView(store, { trendLength: 100 });
        expect(view.trend.length).toBe(Math.min(listed.size, 100));
      }
      // Killed writers leave only temporary files, which no reader lists.
      const names = readdirSync(path.join(dir, 'scans'));
      const records = names.filter((name) => !name.endsWith('.tmp'));
      expect((await store.list()).length).toBe(records.length);
      expect(killed).toBeGreaterThan(ROUNDS);
      expect(killedMidLink).toBeGreaterThan(0);
      expect(confirmed.size).toBeGreaterThan(ROUNDS * 5);
      process.stderr.write(
        `history kill loop (seed ${SEED}): ${ROUNDS} rounds, ${ROUNDS * WRITERS_PER_ROUND} writers, ${killed} killed (${killedMidLink} between write and link), ${confirmed.size} scans confirmed, ${records.length} stored, 0 lost, 0 corrupt\n`,
      );
    },
    Math.max(120_000, ROUNDS * 15_000),
  );
});
