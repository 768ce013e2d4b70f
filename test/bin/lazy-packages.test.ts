import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDirs } from '../_helpers/temp-dirs';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'bin', 'lexguard.js');
const tempDir = tempDirs('lazy-packages');

/**
 * The packages the built CLI loads from node_modules in one run. A preloaded script records every
 * package `require`d from outside node_modules (the bundle's own requires of its externals).
 */
function packagesLoaded(args: string[]): string[] {
  const dir = tempDir();
  const recorder = path.join(dir, 'record-requires.js');
  const record = path.join(dir, 'loaded.json');
  writeFileSync(
    recorder,
    `const Module = require('module'); const fs = require('fs'); const seen = new Set();
const load = Module._load;
Module._load = function (request, parent) {
  if (!request.startsWith('.') && !request.startsWith('node:') && !(parent && parent.filename || '').includes('node_modules')) seen.add(request);
  return load.apply(this, arguments);
};
process.on('exit', () => fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify([...seen])));`,
  );
  const run = spawnSync(process.execPath, ['--require', recorder, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status === 0 || run.status === 1).toBe(true);
  return JSON.parse(readFileSync(record, 'utf8')) as string[];
}

// The AWS SDK's clients take about 350 ms to load: a template scan, or `--version`, must not pay for them
// (this held once and was lost when live scanning landed; the CLI starts in about 80 ms without them).
describe('the built CLI loads the AWS SDK only for runs that call AWS', () => {
  it('--version loads no AWS SDK package', () => {
    expect(packagesLoaded(['--version']).filter((request) => request.startsWith('@aws-sdk/'))).toEqual([]);
  });

  it('a template scan loads no AWS SDK package', () => {
    const loaded = packagesLoaded([
      'scan',
      'template',
      'examples/document-store.yaml',
      '-p',
      'AWS::Region=eu-west-1',
      '-p',
      'AWS::AccountId=111122223333',
    ]);
    expect(loaded.filter((request) => request.startsWith('@aws-sdk/'))).toEqual([]);
  });
});

// ajv took about 55 ms to load and compile a schema, a sixth of a 1,000-resource scan: the validators are
// compiled ahead of time (`npm run generate`), and no run loads ajv to check the files it reads.
describe('the built CLI validates its input files without loading ajv', () => {
  it('a scan reading a configuration, suppressions and attestations file loads no ajv package', () => {
    const dir = tempDir();
    const config = path.join(dir, 'lexguard.config.yaml');
    const suppressions = path.join(dir, 'lexguard.suppressions.yaml');
    writeFileSync(config, 'approved_regions: [eu-west-1]\n');
    writeFileSync(suppressions, 'suppressions: []\n');
    const loaded = packagesLoaded([
      'scan',
      'template',
      'examples/document-store.yaml',
      '--config',
      config,
      '--suppressions',
      suppressions,
      '--attestations',
      'lexguard.attestations.yaml',
    ]);
    expect(loaded.filter((request) => request === 'ajv' || request.startsWith('ajv/'))).toEqual([]);
  });
});
