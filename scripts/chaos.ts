/**
 * The long chaos run of live scans (`npm test` runs a short one, test/scanner/scan/scan-live-chaos.test.ts):
 * moto, the fault-injection proxy and the live estate, then faulted scans compared with the clean one.
 *
 *   npm run chaos -- [--rounds N] [--seed S] [--max-faults M]   (default 40 rounds, a random seed, 6)
 *
 * Prints every round and a summary (calls, faults injected, findings changed, false PASS); exits 1 when
 * any fault produced a PASS the clean run did not, or changed one verdict into another.
 */
import { describeChaos, describeRound, runChaos } from '../test/_helpers/chaos';
import { startLiveLab } from '../test/_helpers/live-lab';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<number> {
  const rounds = option('rounds', 40);
  const seed = option('seed', Date.now() % 2 ** 31);
  const maxFaultedOperations = option('max-faults', 6);
  process.stdout.write(
    `chaos: ${rounds} rounds, seed ${seed}, up to ${maxFaultedOperations} faulted operations each\n`,
  );
  const lab = await startLiveLab();
  try {
    const started = Date.now();
    const summary = await runChaos(lab, { seed, rounds, maxFaultedOperations }, (round) =>
      process.stdout.write(`${describeRound(round)}\n`),
    );
    process.stdout.write(
      `${describeChaos(summary)}\n  wall time: ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return summary.falsePass + summary.falseVerdict === 0 ? 0 : 1;
  } finally {
    await lab.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (thrown: unknown) => {
    process.stderr.write(
      `chaos: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`,
    );
    process.exit(2);
  },
);
