import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files a policy bundle is built from: every Rego module under `policies/` except tests, and the
 * catalog. Their digests are recorded in the bundle manifest at build time and compared at load time, so
 * a bundle that no longer matches its sources cannot be used by mistake.
 */
export function policySourceFiles(policiesDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'schema') walk(full);
      } else if (isBundleSource(path.relative(policiesDir, full))) {
        files.push(full);
      }
    }
  };
  walk(policiesDir);
  return files.sort();
}

function isBundleSource(relative: string): boolean {
  if (relative.endsWith('.rego')) return !relative.endsWith('_test.rego');
  return relative.split(path.sep)[0] === 'catalog';
}

/** SHA-256 of each bundle source, keyed by its path relative to `policiesDir` (with `/` separators). */
export function policySourceDigests(policiesDir: string): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const file of policySourceFiles(policiesDir)) {
    const relative = path.relative(policiesDir, file).split(path.sep).join('/');
    digests[relative] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return digests;
}

/** One digest for a set of per-file digests: the bundle's identity in reports. */
export function combinedDigest(digests: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(digests).sort()) hash.update(`${file}\0${digests[file]}\0`);
  return hash.digest('hex');
}
