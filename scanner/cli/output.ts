import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The CLI's only channel to the terminal and files: library code returns text and data, and this sink
 * is where it is written.
 */
export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(file: string, text: string): void;
  /** Whether standard output is a colour terminal (and NO_COLOR is not set). */
  colorful: boolean;
}

export const processSink: OutputSink = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  },
  colorful: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb',
};
