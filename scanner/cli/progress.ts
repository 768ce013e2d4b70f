import { SingleBar, Presets } from 'cli-progress';
import type { CallObserver } from '../sources/live/live-caller';
import type { CliContext } from './context';
import { processSink } from './output';

/**
 * A progress bar of API calls settled against calls scheduled (the total grows as listings reveal
 * resources), drawn on standard error when it is a terminal; nothing in CI, in pipes or in tests.
 */
export function liveProgress(context: CliContext): (CallObserver & { stop(): void }) | undefined {
  const interactive = context.sink === processSink && process.stderr.isTTY && !process.env.CI;
  if (!interactive) return undefined;
  const bar = new SingleBar(
    {
      format: 'scanning AWS |{bar}| {value}/{total} API calls · {failed} failed',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let total = 0;
  let done = 0;
  let failed = 0;
  bar.start(0, 0, { failed });
  return {
    scheduled: () => bar.setTotal(++total),
    settled: (_call, kind) => {
      if (kind === 'failed') failed++;
      bar.update(++done, { failed });
    },
    stop: () => bar.stop(),
  };
}
