import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle } from '../../bin/load-bundle';
import { tempDirs } from '../_helpers/temp-dirs';

const tempDir = tempDirs('bundle');

describe('runBundle', () => {
  it('runs a bundle as require would: its exports, and requires relative to it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'helper.js'), 'module.exports = 41;');
    const bundle = path.join(dir, 'bundle.js');
    writeFileSync(bundle, 'exports.answer = require("./helper") + 1; exports.where = __dirname;');
    expect(runBundle(bundle).exports).toEqual({ answer: 42, where: dir });
  });

  it('saves a code cache marked with the bundle it was made from, and runs from it', () => {
    const bundle = path.join(tempDir(), 'bundle.js');
    writeFileSync(bundle, 'exports.value = [1, 2, 3].map((n) => n * 2);');
    runBundle(bundle).saveCache();
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(readFileSync(`${bundle}.cache`).length).toBeGreaterThan(32);
    expect(runBundle(bundle).exports).toEqual({ value: [2, 4, 6] });
  });

  it('ignores the cache of another bundle, even one of the same length', () => {
    const bundle = path.join(tempDir(), 'bundle.js');
    writeFileSync(bundle, 'exports.value = "before";');
    runBundle(bundle).saveCache();
    writeFileSync(bundle, 'exports.value = "after!";');
    expect(runBundle(bundle).exports).toEqual({ value: 'after!' });
  });
});
