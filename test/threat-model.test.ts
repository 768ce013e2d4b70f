import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './_helpers/paths';

/**
 * THREAT_MODEL.md maps every threat to the tests that cover it: each threat row names at least one test
 * (a Jest test, a Rego test or a rule's fixture folder), and every path it names exists. A threat whose
 * test was renamed or removed fails here instead of lingering as a false promise.
 */
const text = readFileSync(path.join(ROOT, 'THREAT_MODEL.md'), 'utf8');
const rows = text.split('\n').filter((line) => /^\| [A-Z]\d+ +\|/.test(line));
const TEST_PATH = /\.test\.ts$|_test\.rego$|^test\/_fixtures\/rules\//;

describe('THREAT_MODEL.md', () => {
  it('lists threats', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.map((row) => [row.split('|')[1].trim(), row]))('%s names an existing test', (_id, row) => {
    const paths = [...row.matchAll(/`((?:test|policies)\/[^`]+)`/g)].map((match) => match[1]);
    expect(paths.filter((file) => TEST_PATH.test(file)).length).toBeGreaterThan(0);
    expect(paths.filter((file) => !existsSync(path.join(ROOT, file)))).toEqual([]);
  });
});
