import { CLOSE_BRACE, CLOSE_BRACKET, OPEN_BRACE, OPEN_BRACKET, scanOutsideStrings } from './json-chars';
/**
 * The offset of the first `{` or `[` that opens a level deeper than `max`, found by scanning JSON text
 * without parsing it; `undefined` when the text stays within `max`. Parsers and every walk after them
 * recurse, so a hostile depth must be refused before they run. Text that is not valid JSON is left to the
 * parser to report.
 */
export function jsonNestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  return scanOutsideStrings(text, (c) => {
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return ++depth > max;
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    return false;
  });
}
