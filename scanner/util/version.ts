import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root';

let cached: string | undefined;

/** lexguard's version, from its package.json. */
export function lexguardVersion(): string {
  cached ??= (
    JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  return cached;
}
