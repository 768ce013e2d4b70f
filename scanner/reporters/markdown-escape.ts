/**
 * Escapes text a user controls (logical ids, file names, messages, suppression reasons) for Markdown,
 * so that it renders as the same text and nothing else: no HTML, links, images, emphasis, or a broken
 * table. Every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of them
 * and renders the character itself), and runs of white space (line breaks and tabs among them) become
 * one space, so a value stays in its table cell or list item and never starts an indented code block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}
