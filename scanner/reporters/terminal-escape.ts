/**
 * Makes text from a scanned input safe to print on a terminal. Resource names, tag values, file names and
 * messages are chosen by whoever wrote the template (or named the file): an escape sequence in one could
 * recolour, retitle or clear the reader's terminal, hide text, or (with a line break) forge a line such
 * as a passed gate. Every control character (C0 and C1, DEL, line breaks and tabs among them) and every
 * bidirectional-text control (which reorders what is shown, as in "Trojan Source") is written as a
 * visible escape instead: `\x1b`, `\n`, `\u202e`. `keepLineBreaks` keeps `\n` for messages that are
 * several lines by design; every other control character is still escaped.
 */
export function terminalSafe(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const unsafe = options.keepLineBreaks ? UNSAFE_BUT_LINE_BREAKS : UNSAFE;
  return text.replace(unsafe, (character) => {
    const named = NAMED[character];
    if (named) return named;
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same without `\n`, for messages lexguard writes on several lines (a failed synth's output). */
const UNSAFE_BUT_LINE_BREAKS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
