import type { OutputSink } from './output';

/** What every command is given: where to write, and how to report its exit code. */
export interface CliContext {
  sink: OutputSink;
  setExitCode(code: number): void;
}
