import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', '_fixtures');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}
