/**
 * A test of whether a text matches `pattern`, where `*` stands for any run of characters and, when
 * `questionMark` is set, `?` for any one character: the wildcards of AWS Backup's resource ARNs and of
 * `StringLike`. Compile once, test many times.
 */
export function wildcardMatcher(pattern: string, questionMark = false): (text: string) => boolean {
  const source = [...pattern]
    .map((char) =>
      char === '*' ? '.*' : questionMark && char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const expression = new RegExp(`^${source}$`, 's');
  return (text) => expression.test(text);
}
