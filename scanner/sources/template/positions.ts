import { getScalarValue, type Event } from 'js-yaml';
import { shortTag } from './cfn-yaml-tags';
import {
  ALIAS_EVENT,
  DOCUMENT_EVENT,
  DOUBLE_QUOTED,
  MAPPING_EVENT,
  POP_EVENT,
  SCALAR_EVENT,
  SEQUENCE_EVENT,
  SINGLE_QUOTED,
} from './yaml-events';

/** 1-based line and column of a place in a template file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Finds where a path of keys and indexes (e.g. `['Resources', 'Docs', 'Properties']`) stands in the file. */
export interface PositionIndex {
  /** Where the value at `path` is written (its key, for a mapping entry); `undefined` when it is not. */
  locate(path: ReadonlyArray<string | number>): SourcePosition | undefined;
  /**
   * Where the value at `path` is written, or else its closest ancestor that is: for places the resolver
   * reached through a value it computed, or through a YAML alias.
   */
  nearest(path: ReadonlyArray<string | number>): SourcePosition | undefined;
}

/** Line starts of a text, to turn offsets into lines and columns by binary search. */
export class LineTable {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): SourcePosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

/** The parser events of one document, and the index of the event of its top-level value. */
export interface DocumentEvents {
  events: Event[];
  root: number;
}

interface Entry {
  key: number;
  value: number;
}

/** Mappings with more key-value pairs than this are indexed (see `EventPositionIndex.entry`). */
const SMALL_MAPPING_PAIRS = 16;

/**
 * Positions in a JSON or YAML template, read from `js-yaml`'s parser events (JSON is YAML). Everything is
 * built on the first lookup only: a YAML template hands over the events it was parsed from, a JSON
 * template (read with `JSON.parse`, far faster) parses them then. Each mapping's keys are indexed the first
 * time a path goes through it, so a lookup costs the depth of its path, not the size of the template.
 */
export class EventPositionIndex implements PositionIndex {
  private loaded: DocumentEvents | null | undefined;
  private ends: Int32Array | undefined;
  private readonly mappings = new Map<number, Map<string, Entry>>();
  private readonly sequences = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    private readonly lines: () => LineTable,
    private readonly load: () => DocumentEvents | undefined,
  ) {}

  locate(path: ReadonlyArray<string | number>): SourcePosition | undefined {
    const found = this.walk(path);
    return found?.complete ? this.lines().position(found.offset) : undefined;
  }

  nearest(path: ReadonlyArray<string | number>): SourcePosition | undefined {
    const found = this.walk(path);
    return found ? this.lines().position(found.offset) : undefined;
  }

  private document(): DocumentEvents | undefined {
    if (this.loaded === undefined) {
      try {
        this.loaded = this.load() ?? null;
      } catch {
        // The values were read; only their positions are missing, and findings fall back to none.
        this.loaded = null;
      }
    }
    return this.loaded ?? undefined;
  }

  private walk(path: ReadonlyArray<string | number>): { offset: number; complete: boolean } | undefined {
    const document = this.document();
    if (!document || document.root >= document.events.length) return undefined;
    const { events } = document;
    let node = document.root;
    let offset = startOf(events[node]);
    for (const segment of path) {
      const event = events[node];
      if (event.type === MAPPING_EVENT) {
        const entry = this.entry(node, String(segment));
        if (!entry) return { offset, complete: false };
        offset = startOf(events[entry.key]);
        node = entry.value;
      } else if (event.type === SEQUENCE_EVENT && typeof segment === 'number') {
        const item = this.items(node)[segment];
        if (item === undefined) return { offset, complete: false };
        offset = startOf(events[item]);
        node = item;
      } else if (typeof segment === 'string' && this.tagOf(event) === shortTag(segment)) {
        // `!Sub [...]` in YAML is `{"Fn::Sub": [...]}` in the template's long form: the same node.
        continue;
      } else {
        return { offset, complete: false };
      }
    }
    return { offset, complete: true };
  }

  private tagOf(event: Event): string | undefined {
    if (!('tagStart' in event) || event.tagStart < 0) return undefined;
    return this.text.slice(event.tagStart, event.tagEnd);
  }

  /** The index just past the subtree of each event (its matching POP, plus one, for collections). */
  private subtreeEnds(events: Event[]): Int32Array {
    if (this.ends) return this.ends;
    const ends = new Int32Array(events.length);
    const open: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const type = events[i].type;
      if (type === MAPPING_EVENT || type === SEQUENCE_EVENT || type === DOCUMENT_EVENT) open.push(i);
      else if (type === POP_EVENT) {
        const opened = open.pop();
        if (opened !== undefined) ends[opened] = i + 1;
        ends[i] = i + 1;
      } else ends[i] = i + 1;
    }
    this.ends = ends;
    return ends;
  }

  private children(node: number): number[] {
    const { events } = this.document() as DocumentEvents;
    const ends = this.subtreeEnds(events);
    const children: number[] = [];
    for (let child = node + 1; child < ends[node] - 1; child = ends[child]) children.push(child);
    return children;
  }

  /**
   * The entry of `key` in a mapping. A small mapping's keys are compared where they are written, each
   * time: findings look up a few properties of each of thousands of resources, and an index of every
   * mapping on their paths held about 10 MB on a 10,000-resource template. A large mapping (`Resources`)
   * is indexed on its first lookup.
   */
  private entry(node: number, key: string): Entry | undefined {
    const indexed = this.mappings.get(node);
    if (indexed) return indexed.get(key);
    const { events } = this.document() as DocumentEvents;
    const ends = this.subtreeEnds(events);
    const end = ends[node] - 1;
    let found: Entry | undefined;
    let pairs = 0;
    for (let child = node + 1; child < end; child = ends[ends[child]]) {
      // The first of duplicate keys is kept: the parser refuses duplicates in any case.
      if (!found && this.keyIs(events[child], key)) found = { key: child, value: ends[child] };
      if (++pairs > SMALL_MAPPING_PAIRS) return this.entries(node).get(key);
    }
    return found;
  }

  /** Whether a mapping's key event is the scalar `key`, read without making a string where it can be. */
  private keyIs(event: Event, key: string): boolean {
    if (event.type !== SCALAR_EVENT) return false;
    if (!event.fast) return getScalarValue(this.text, event) === key;
    return event.valueEnd - event.valueStart === key.length && this.text.startsWith(key, event.valueStart);
  }

  private entries(node: number): Map<string, Entry> {
    let entries = this.mappings.get(node);
    if (entries) return entries;
    const { events } = this.document() as DocumentEvents;
    entries = new Map();
    const children = this.children(node);
    for (let i = 0; i + 1 < children.length; i += 2) {
      const key = events[children[i]];
      // The first of duplicate keys is kept: the parser refuses duplicates in any case.
      if (key.type === SCALAR_EVENT) {
        const name = getScalarValue(this.text, key);
        if (!entries.has(name)) entries.set(name, { key: children[i], value: children[i + 1] });
      }
    }
    this.mappings.set(node, entries);
    return entries;
  }

  private items(node: number): number[] {
    let items = this.sequences.get(node);
    if (!items) {
      items = this.children(node);
      this.sequences.set(node, items);
    }
    return items;
  }
}

/** Where an event's node begins: at its anchor or tag when it has one. */
function startOf(event: Event): number {
  switch (event.type) {
    case MAPPING_EVENT:
    case SEQUENCE_EVENT:
      return firstOf(event.anchorStart, event.tagStart, event.start);
    case SCALAR_EVENT: {
      // A quoted scalar's value starts after its opening quote.
      const quoted = event.style === SINGLE_QUOTED || event.style === DOUBLE_QUOTED;
      return firstOf(event.anchorStart, event.tagStart, quoted ? event.valueStart - 1 : event.valueStart);
    }
    case ALIAS_EVENT:
      // The alias's name starts after its `*`.
      return Math.max(0, event.anchorStart - 1);
    default:
      return 0;
  }
}

/** The first of the offsets that are known (not negative), else 0: called at every step of every lookup. */
function firstOf(anchor: number, tag: number, start: number): number {
  return Math.max(0, earlier(earlier(anchor, tag), start));
}

function earlier(a: number, b: number): number {
  if (a < 0) return b;
  return b < 0 ? a : Math.min(a, b);
}
