import { readFileSync, statSync } from 'node:fs';
import { LexguardError } from '../errors';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits';

export { DEFAULT_INPUT_LIMITS, type InputLimits };

/**
 * Reads a text file as UTF-8: refuses a file over the size limit, bytes that are not UTF-8 (naming the
 * line), and drops a byte order mark.
 */
export function readTextFile(
  file: string,
  limits: Pick<InputLimits, 'maxFileBytes'> = DEFAULT_INPUT_LIMITS,
): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new LexguardError('INPUT_UNREADABLE', 'not a file', { position: { file } });
    size = stats.size;
  } catch (thrown) {
    if (thrown instanceof LexguardError) throw thrown;
    throw new LexguardError('INPUT_UNREADABLE', `cannot read: ${systemMessage(thrown)}`, {
      position: { file },
    });
  }
  if (size > limits.maxFileBytes) {
    throw new LexguardError(
      'INPUT_TOO_LARGE',
      `file is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit (limits.max_file_bytes)`,
      { position: { file } },
    );
  }
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LexguardError('INPUT_MALFORMED', 'file is not valid UTF-8', {
      position: { file, line: lineOfFirstInvalidByte(bytes) },
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Node's system errors carry a `code`; read it without `instanceof`, which fails across VM contexts. */
function systemMessage(thrown: unknown): string {
  const code = typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return typeof thrown === 'object' && thrown !== null && 'message' in thrown
    ? String(thrown.message)
    : String(thrown);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
