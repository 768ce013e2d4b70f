import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The CLI's only channel to the terminal and files: library code returns text and data, and this sink
 * is where it is written.
 */
export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes a file whole, from one string or from pieces written one after the other. */
  writeFile(file: string, text: string | Iterable<string>): void;
  /** Whether standard output is a colour terminal (and NO_COLOR is not set). */
  colorful: boolean;
}

export const processSink: OutputSink = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof text === 'string') writeFileSync(file, text);
    else writePieces(file, text);
  },
  colorful: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb',
};

/**
 * Pieces are gathered into writes of about this many characters: one system call per piece is slow, and
 * a string over 128 KB would outlive its write in V8's old generation (see the JSON reporter's `SLICE`).
 */
const WRITE_CHARS = 1 << 16;

function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let pending: string[] = [];
    let length = 0;
    for (const piece of pieces) {
      pending.push(piece);
      length += piece.length;
      if (length >= WRITE_CHARS) {
        writeSync(fd, pending.join(''));
        pending = [];
        length = 0;
      }
    }
    if (pending.length > 0) writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}
