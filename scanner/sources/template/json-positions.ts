import {
  QUOTE,
  COMMA,
  OPEN_BRACE,
  CLOSE_BRACE,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  SPACE,
  NEWLINE,
  RETURN,
  TAB,
  endOfString,
} from './json-chars';
import type { JsonStructure } from './json-structure';
import { LineTable, type PositionIndex, type SourcePosition } from './positions';

interface Entry {
  /** Offset of the key's opening quote: where a finding about the entry points. */
  key: number;
  /** Offset of the first character of the entry's value. */
  value: number;
}

/**
 * Positions in JSON text that `JSON.parse` has already accepted, found by scanning only the objects and
 * arrays a lookup passes through: each is indexed (its keys, or its items' offsets) the first time a path
 * enters it, by stepping over its members without building their values. A lookup then costs the depth
 * of its path. Given the text's structure (`scanJsonStructure`, made while the template is checked before
 * parsing), a step over an object or array is a lookup of where it ends; without it, the step reads the
 * text, and the whole index costs a few passes over it.
 *
 * Written by hand because the libraries measured could not meet the scan-time target (issue 3: 1,000
 * resources in 300 ms including Node start-up). On the benchmark's 10,000-resource JSON template (6.8 MB),
 * warm: js-yaml's event parser, which positions came from before, 115-220 ms of CPU and 570,000 event
 * objects kept alive (a garbage-collection cost of its own); jsonc-parser's `visit`, which builds nothing,
 * 85-115 ms before any index is made; this index, for every finding of the scan, about 25 ms. Values and
 * syntax errors stay the business of `JSON.parse` and jsonc-parser (`parse-template.ts`).
 */
export class JsonPositionIndex implements PositionIndex {
  private readonly objects = new Map<number, Map<string, Entry>>();
  private readonly arrays = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    private readonly lines: () => LineTable = () => new LineTable(text),
    /** Where each object and array ends, when the text was scanned for it: a step over one is then a lookup. */
    private readonly structure?: JsonStructure,
  ) {}

  locate(path: ReadonlyArray<string | number>): SourcePosition | undefined {
    const found = this.walk(path);
    return found !== undefined && found >= 0 ? this.lines().position(found) : undefined;
  }

  nearest(path: ReadonlyArray<string | number>): SourcePosition | undefined {
    const found = this.walk(path);
    return found !== undefined ? this.lines().position(found < 0 ? -found - 1 : found) : undefined;
  }

  /**
   * The offset where `path` is written, or, when it is not, `-(offset + 1)` of its deepest written
   * ancestor (one number instead of an object per lookup: there is one lookup per finding).
   */
  private walk(path: ReadonlyArray<string | number>): number | undefined {
    let node = skipWhitespace(this.text, 0);
    if (node >= this.text.length) return undefined;
    let offset = node;
    for (const segment of path) {
      const opener = this.text.charCodeAt(node);
      if (opener === OPEN_BRACE) {
        const entry = this.keysOf(node).get(String(segment));
        if (entry === undefined) return -offset - 1;
        offset = entry.key;
        node = entry.value;
      } else if (opener === OPEN_BRACKET && typeof segment === 'number') {
        const item = this.itemsOf(node)[segment];
        if (item === undefined) return -offset - 1;
        offset = item;
        node = item;
      } else {
        return -offset - 1;
      }
    }
    return offset;
  }

  /** The keys of the object opening at `open`; the first of duplicate keys is kept, as YAML's index did. */
  private keysOf(open: number): Map<string, Entry> {
    let keys = this.objects.get(open);
    if (keys) return keys;
    keys = new Map();
    const { text } = this;
    let i = skipWhitespace(text, open + 1);
    while (i < text.length && text.charCodeAt(i) === QUOTE) {
      const close = endOfString(text, i);
      const raw = text.slice(i + 1, close);
      const name = raw.includes('\\') ? (JSON.parse(text.slice(i, close + 1)) as string) : raw;
      const value = skipWhitespace(text, skipWhitespace(text, close + 1) + 1); // past the colon
      if (!keys.has(name)) keys.set(name, { key: i, value });
      i = skipWhitespace(text, this.skipValue(value));
      if (text.charCodeAt(i) !== COMMA) break;
      i = skipWhitespace(text, i + 1);
    }
    this.objects.set(open, keys);
    return keys;
  }

  /** The offsets of the items of the array opening at `open`. */
  private itemsOf(open: number): number[] {
    let items = this.arrays.get(open);
    if (items) return items;
    items = [];
    const { text } = this;
    let i = skipWhitespace(text, open + 1);
    while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACKET) {
      items.push(i);
      i = skipWhitespace(text, this.skipValue(i));
      if (text.charCodeAt(i) !== COMMA) break;
      i = skipWhitespace(text, i + 1);
    }
    this.arrays.set(open, items);
    return items;
  }

  /** The offset just past the value starting at `start`. */
  private skipValue(start: number): number {
    return this.structure?.endOf(start) ?? skipValue(this.text, start);
  }
}

/** The offset just past the value starting at `start`, read from the text. */
function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return endOfString(text, start) + 1;
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next separator.
    let i = start;
    while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
    return i;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = endOfString(text, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return text.length;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== NEWLINE && c !== RETURN && c !== TAB) return i;
    i++;
  }
}

function isDelimiter(c: number): boolean {
  return (
    c === COMMA ||
    c === CLOSE_BRACE ||
    c === CLOSE_BRACKET ||
    c === SPACE ||
    c === NEWLINE ||
    c === RETURN ||
    c === TAB
  );
}
