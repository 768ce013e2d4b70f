import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPolicyBundle } from '../../scripts/lib/build-bundle';

/** Compiles a folder of test policies into a fresh bundle with the project's own build, and returns its folder. */
export function buildTestBundle(policiesDir: string): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'lexguard-bundle-'));
  buildPolicyBundle({ policiesDir, outDir });
  return outDir;
}
