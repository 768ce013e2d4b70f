import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../_helpers/paths';

/** The policy files the rules are built from, tests left out. */
function regoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return regoFiles(file);
    return entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego') ? [file] : [];
  });
}

/**
 * The rules' input leaves out where things were read (leaves' `at`, resources' `source`: see
 * `scanner/engine/input-pieces.ts`). `opa check` cannot catch a rule that reads them, because a
 * collection's resources are keyed by id, so this reads the rules' text for any way of naming them.
 */
describe('what the rules read', () => {
  it('never names the evidence their input leaves out (`at`, `source`)', () => {
    const readsEvidence = /\.(at|source)\b|"(at|source)"/;
    const files = regoFiles(path.join(ROOT, 'policies'));
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line: line.replace(/#.*$/, ''), number: index + 1 }))
        .filter(({ line }) => readsEvidence.test(line))
        .map(({ number }) => `${path.relative(ROOT, file)}:${number}`),
    );
    expect(offending).toEqual([]);
  });
});
