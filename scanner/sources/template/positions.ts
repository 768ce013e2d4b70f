import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** 1-based line and column of a place in a template file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Finds where a path of keys and indexes (e.g. `['Resources', 'Docs', 'Properties']`) stands in the file. */
export interface PositionIndex {
  locate(path: ReadonlyArray<string | number>): SourcePosition | undefined;
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

/**
 * Positions in a JSON template. The syntax tree is built on the first lookup only, so a scan that
 * reports nothing never pays for it.
 */
export class JsonPositionIndex implements PositionIndex {
  private root: JsonNode | undefined;
  private lines: LineTable | undefined;

  constructor(private readonly text: string) {}

  locate(path: ReadonlyArray<string | number>): SourcePosition | undefined {
    this.root ??= parseTree(this.text);
    this.lines ??= new LineTable(this.text);
    if (!this.root) return undefined;
    const node = findNodeAtLocation(this.root, [...path]);
    if (!node) return undefined;
    // A property's value node: report the property (its key), where a reader looks for it.
    const at = node.parent?.type === 'property' ? node.parent : node;
    return this.lines.position(at.offset);
  }
}

/** Positions in a YAML document, read from the `yaml` syntax tree. */
export class YamlPositionIndex implements PositionIndex {
  constructor(
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  locate(path: ReadonlyArray<string | number>): SourcePosition | undefined {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) return undefined;
        offset = rangeStart(pair.key) ?? rangeStart(pair.value);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        offset = rangeStart(node);
      } else {
        return undefined;
      }
    }
    if (offset === undefined) return undefined;
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: [number, number, number] }).range;
  return range?.[0];
}
