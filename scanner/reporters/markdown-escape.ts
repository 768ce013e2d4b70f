/**
 * Escapes text a user controls (logical ids, file names, messages, suppression reasons) for Markdown,
 * so that it renders as the same text and nothing else: no HTML, links, images, emphasis, or a broken
 * table. Every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of them
 * and renders the character itself), and line breaks become spaces so a value stays in its table cell.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}
