/** Character codes of JSON's structure, for the scanners that step over JSON text without parsing it. */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const SPACE = 0x20;
export const NEWLINE = 0x0a;
export const RETURN = 0x0d;
export const TAB = 0x09;

/**
 * Calls `visit` with the code and offset of every character of JSON text outside string literals (the
 * quotes themselves excluded), stopping at the first offset for which it returns `true` and returning
 * that offset; `undefined` when it never does. The one place that knows how to step over strings.
 */
export function scanOutsideStrings(
  text: string,
  visit: (code: number, at: number) => boolean,
): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (visit(c, i)) return i;
  }
  return undefined;
}
