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
 * The offset of the quote that closes the string opening at `open` (the text's end if none does): the
 * one place that knows how to step over a JSON string. Jumps from quote to quote with `indexOf` rather
 * than reading each character: most of a template's text is inside strings.
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
