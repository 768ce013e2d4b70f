import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  endOfString,
} from './json-chars';

/** What one pass over JSON text, outside its strings, tells the checks and the position index. */
export interface JsonStructure {
  /** The offset of the first `{` or `[` that opens a level deeper than the limit; `undefined` when none does. */
  tooDeep: number | undefined;
  /** The colons outside strings: in valid JSON, one per key written. */
  colons: number;
  /**
   * The offset just past the object or array that opens at `open` (a `{` or `[` outside strings), so a
   * walk steps over it without reading it; `undefined` when the text does not close it.
   */
  endOf(open: number): number | undefined;
}

/**
 * Reads JSON text once, before it is parsed: how deep it nests (parsers and every walk after them
 * recurse, so a hostile depth must be refused before they run; the scan stops at the first level beyond
 * `maxDepth`), how many keys it writes (for the duplicate-key check), and where each object and array
 * ends (for the position index, which otherwise stepped over the text of every object it passed through,
 * some five times over a template). Text that is not valid JSON is left to the parser to report.
 */
export function scanJsonStructure(text: string, maxDepth: number): JsonStructure {
  let opens = new Int32Array(1024);
  let closes = new Int32Array(1024);
  let count = 0;
  // Indexes into `opens` of the objects and arrays not yet closed, innermost last.
  const unclosed: number[] = [];
  let depth = 0;
  let colons = 0;
  let tooDeep: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        tooDeep = i;
        break;
      }
      if (count === opens.length) {
        opens = grown(opens, count);
        closes = grown(closes, count);
      }
      opens[count] = i;
      closes[count] = -1;
      unclosed.push(count++);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      const opened = unclosed.pop();
      if (opened !== undefined) closes[opened] = i;
    } else if (c === COLON) {
      colons++;
    }
  }
  return { tooDeep, colons, endOf: (open) => endOf(opens, closes, count, open) };
}

function grown(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(length * 2);
  larger.set(array);
  return larger;
}

/** Binary search of the opening offsets, which the scan recorded in text order. */
function endOf(opens: Int32Array, closes: Int32Array, count: number, open: number): number | undefined {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = opens[mid];
    if (at === open) return closes[mid] < 0 ? undefined : closes[mid] + 1;
    if (at < open) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
