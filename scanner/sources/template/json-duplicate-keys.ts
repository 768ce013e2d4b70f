import { visit } from 'jsonc-parser';

/**
 * The offset of the second occurrence of a key repeated in one JSON object, or `undefined` when no object
 * repeats a key. `JSON.parse` keeps the last of duplicate keys without a word, while other readers keep
 * the first: a template could then show lexguard one setting and deploy another. lexguard refuses such a
 * file, as it refuses duplicate keys in YAML.
 *
 * The common case (no duplicates) is checked cheaply: every key of valid JSON is followed by exactly one
 * `:` outside strings, so the keys written equal the colons (`colons`, counted by `scanJsonStructure`),
 * and the keys parsed are counted on the parsed value. Only when they differ is the text read again to
 * find where.
 */
export function duplicateJsonKey(text: string, parsed: unknown, colons: number): number | undefined {
  if (colons === keysOf(parsed)) return undefined;
  return firstDuplicate(text);
}

/** Keys of every object in a parsed JSON value, counted without recursion (the depth is bounded, but cheap is cheap). */
function keysOf(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in next) {
      keys++;
      const item = (next as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return keys;
}

function firstDuplicate(text: string): number | undefined {
  const open: Array<Set<string>> = [];
  let found: number | undefined;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (property, offset) => {
      const keys = open[open.length - 1];
      if (found === undefined && keys.has(property)) found = offset;
      keys.add(property);
    },
  });
  return found;
}
