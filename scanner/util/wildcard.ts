/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters and, when `questionMark` is
 * set, `?` for any one character: the wildcards of AWS Backup's resource ARNs and of `StringLike`.
 */
export function matchesWildcard(pattern: string, text: string, questionMark = false): boolean {
  const source = [...pattern]
    .map((char) =>
      char === '*' ? '.*' : questionMark && char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 's').test(text);
}
