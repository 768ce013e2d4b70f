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
 * that offset; `undefined` when it never does. The one place, with `endOfString`, that knows how to step
 * over strings.
 */
export function scanOutsideStrings(
  text: string,
  visit: (code: number, at: number) => boolean,
): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = endOfString(text, i);
    else if (visit(c, i)) return i;
  }
  return undefined;
}

/**
 * The offset of the quote that closes the string opening at `open` (the text's end if none does). Jumps
 * from quote to quote with `indexOf` rather than reading each character: most of a template's text is
 * inside strings.
 */
export function endOfString(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
