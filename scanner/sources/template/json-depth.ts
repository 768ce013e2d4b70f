import { QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET } from './json-chars';
/**
 * The offset of the first `{` or `[` that opens a level deeper than `max`, found by scanning JSON text
 * without parsing it; `undefined` when the text stays within `max`. Parsers and every walk after them
 * recurse, so a hostile depth must be refused before they run. Text that is not valid JSON is left to the
 * parser to report.
 */
export function jsonNestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return undefined;
}
