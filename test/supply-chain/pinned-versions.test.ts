import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../_helpers/paths';

/**
 * Every dependency is pinned to one exact version, so `npm install` on another day cannot bring in a
 * release nobody reviewed (a range such as ^1.2.3 would), and the lock file agrees with package.json.
 * (`npm audit` itself cannot run here: the registry proxy answers its advisories endpoint with 405; see
 * THREAT_MODEL.md.)
 */
interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string } & Partial<PackageJson>>;
};
const all = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies });

describe('dependency pinning', () => {
  it('pins every dependency and dev dependency to an exact version', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter(([, version]) => !EXACT.test(version))).toEqual([]);
  });

  it('records the same versions in package-lock.json', () => {
    expect(lock.packages[''].dependencies).toEqual(manifest.dependencies);
    expect(lock.packages[''].devDependencies).toEqual(manifest.devDependencies);
    const installed = all.filter(
      ([name, version]) => lock.packages[`node_modules/${name}`]?.version !== version,
    );
    expect(installed).toEqual([]);
  });
});
