import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { parseEvents } from 'js-yaml';
import { generateTemplate, toJson } from '../../../../bench/lib/generate-templates';
import { JsonPositionIndex } from '../../../../scanner/sources/template/json-positions';
import { scanJsonStructure } from '../../../../scanner/sources/template/json-structure';
import {
  EventPositionIndex,
  LineTable,
  type PositionIndex,
} from '../../../../scanner/sources/template/positions';
import { ROOT } from '../../../_helpers/paths';

type Path = Array<string | number>;

/** How JSON templates were located before: by the YAML event parser, JSON being YAML. */
function eventIndex(text: string): PositionIndex {
  return new EventPositionIndex(
    text,
    () => new LineTable(text),
    () => ({ events: parseEvents(text, { maxDepth: 1000 }), root: 1 }),
  );
}

/** Every path to a value in `value`, and beside each a path that leads nowhere from it. */
function pathsOf(value: unknown, prefix: Path = [], into: Path[] = []): Path[] {
  into.push(prefix, [...prefix, 'no such key'], [...prefix, 99]);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], into);
  }
  return into;
}

/** The index reading the text as it walks, and the index stepping over what the structure scan measured. */
function jsonIndexes(text: string): JsonPositionIndex[] {
  const lines = (): LineTable => new LineTable(text);
  return [new JsonPositionIndex(text), new JsonPositionIndex(text, lines, scanJsonStructure(text, 1000))];
}

function expectSamePositions(text: string): void {
  const before = eventIndex(text);
  for (const after of jsonIndexes(text)) {
    for (const path of pathsOf(JSON.parse(text))) {
      expect({ path, at: after.locate(path) }).toEqual({ path, at: before.locate(path) });
      expect({ path, near: after.nearest(path) }).toEqual({ path, near: before.nearest(path) });
    }
  }
}

describe('JsonPositionIndex', () => {
  it('places every value of the JSON fixtures where the YAML event parser placed it', () => {
    const files = globSync('test/_fixtures/**/*.json', { cwd: ROOT, absolute: true });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      try {
        JSON.parse(text);
      } catch {
        continue; // malformed on purpose: never indexed
      }
      expectSamePositions(text);
    }
  });

  it('places every value of a generated CDK-style template as the YAML event parser did', () => {
    expectSamePositions(toJson(generateTemplate(30)));
  });

  it('agrees with the YAML event parser on any JSON, however indented and escaped', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 1, 2, 4), (value, indent) => {
        expectSamePositions(JSON.stringify(value, null, indent));
      }),
      { numRuns: 300 },
    );
  });

  it('reads keys written with escapes, and keeps the first of duplicate keys', () => {
    const text = '{"Resources": {"D\\u006fcs": {"Type": "x"}, "Docs": {"Type": "y"}}}';
    for (const index of jsonIndexes(text)) {
      expect(index.locate(['Resources', 'Docs'])).toEqual({ line: 1, column: 16 });
      expect(index.locate(['Resources', 'Docs', 'Type'])).toEqual({ line: 1, column: 30 });
    }
  });

  it('says nothing for a path through a scalar, and names its nearest written ancestor', () => {
    const text = '{\n  "A": {\n    "B": "text \\" with a quote",\n    "C": [1, 2]\n  }\n}\n';
    for (const index of jsonIndexes(text)) {
      expect(index.locate(['A', 'B', 'x'])).toBeUndefined();
      expect(index.nearest(['A', 'B', 'x'])).toEqual({ line: 3, column: 5 });
      expect(index.locate(['A', 'C', 1])).toEqual({ line: 4, column: 14 });
      expect(index.locate(['A', 'C', 'length'])).toBeUndefined();
    }
  });
});

describe('scanJsonStructure', () => {
  it('finds where every object and array ends, counts the keys, and measures the depth, outside strings', () => {
    const text = '{"a": [1, {"b": "]}:{["}], "c\\"": {}}';
    const structure = scanJsonStructure(text, 10);
    expect(structure.tooDeep).toBeUndefined();
    expect(structure.colons).toBe(3);
    expect(structure.endOf(0)).toBe(text.length);
    expect(text.slice(6, structure.endOf(6))).toBe('[1, {"b": "]}:{["}]');
    expect(text.slice(10, structure.endOf(10))).toBe('{"b": "]}:{["}');
    expect(structure.endOf(1)).toBeUndefined(); // not an opening bracket
  });

  it('stops at the first level deeper than the limit, and leaves unclosed text to the parser', () => {
    expect(scanJsonStructure('[[[[1]]]]', 3).tooDeep).toBe(3);
    expect(scanJsonStructure('[[[1]]]', 3).tooDeep).toBeUndefined();
    const unclosed = scanJsonStructure('{"a": [1, 2', 10);
    expect(unclosed.endOf(0)).toBeUndefined();
    expect(unclosed.endOf(6)).toBeUndefined();
  });

  it('agrees with JSON.stringify on the keys and the end of every value, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const structure = scanJsonStructure(text, 1000);
        expect(structure.colons).toBe(keysIn(value));
        if (typeof value === 'object' && value !== null) expect(structure.endOf(0)).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });
});

function keysIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + keysIn(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((sum: number, item) => sum + 1 + keysIn(item), 0);
}
