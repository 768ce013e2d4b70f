/**
 * A value CloudFormation decides at deploy time, or that lexguard could not resolve from the template
 * (an `Fn::ImportValue`, a parameter with no value, a dynamic reference). It becomes an unknown leaf in
 * the model, never a guess.
 */
export class Unresolved {
  constructor(readonly reason: string) {}
}

/** A template value after intrinsic resolution. */
export type Resolved =
  | string
  | number
  | boolean
  | null
  | Unresolved
  | Resolved[]
  | { [key: string]: Resolved };

export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

/** The first unresolved value inside `value` (depth first), if any. */
export function firstUnresolved(value: Resolved): Unresolved | undefined {
  if (value instanceof Unresolved) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnresolved(item);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) {
      const found = firstUnresolved(item);
      if (found) return found;
    }
  }
  return undefined;
}
