/** Template property paths: `['BucketEncryption', 'Rules', 0]` ⇄ `Properties.BucketEncryption.Rules[0]`. */
export type PathSegment = string | number;

export function propertyPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : `${text}.${segment}`),
    'Properties',
  );
}

/** Splits a dotted path with indexes into its segments: `Properties.A[0].B` → `['Properties', 'A', 0, 'B']`. */
export function splitPath(text: string): PathSegment[] {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}
