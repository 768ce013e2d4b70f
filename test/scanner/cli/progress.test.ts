import type { CliContext } from '../../../scanner/cli/context';
import { processSink } from '../../../scanner/cli/output';
import { liveProgress } from '../../../scanner/cli/progress';

/** The progress bar is for people at a terminal: never in CI, a pipe, or a captured run. */
describe('live progress bar', () => {
  const context = (sink: CliContext['sink']): CliContext => ({ sink, setExitCode: () => undefined });
  const wasTty = process.stderr.isTTY;
  const ci = process.env.CI;

  /** Pretends standard error is a terminal, as it is for a person running lexguard. */
  beforeEach(() => {
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    delete process.env.CI;
  });

  afterEach(() => {
    Object.defineProperty(process.stderr, 'isTTY', { value: wasTty, configurable: true });
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  test('is drawn on a terminal', () => {
    const progress = liveProgress(context(processSink));
    expect(progress).toBeDefined();
    progress?.stop();
  });

  test('stays silent in CI', () => {
    process.env.CI = 'true';
    expect(liveProgress(context(processSink))).toBeUndefined();
  });

  test('stays silent when output is captured rather than the terminal', () => {
    const captured = { ...processSink, stdout: () => undefined, stderr: () => undefined };
    expect(liveProgress(context(captured))).toBeUndefined();
  });
});
