import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The lexguard installation's root folder (the one holding its package.json), found from this file's
 * location so that it works the same from TypeScript sources (tests) and from compiled `dist/`.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && isLexguardPackage(manifest)) return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find lexguard's package.json above ${__dirname}`);
    dir = parent;
  }
}

function isLexguardPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'lexguard';
  } catch {
    return false;
  }
}
