/**
 * A value CloudFormation decides at deploy time, or that lexguard could not resolve from the template
 * (an `Fn::ImportValue`, a parameter with no value, a dynamic reference). It becomes an unknown leaf in
 * the model, never a guess.
 */
export class Unresolved {
  constructor(
    readonly reason: string,
    /**
     * The value written with placeholders for what only the deployment knows (this stack's region and
     * account, see `pseudoPlaceholder`), when that is all that is missing. An ARN such as
     * `arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}` is not a known string, but it still names
     * exactly one resource of the stack: links follow this rendering, nothing else reads it.
     */
    readonly symbolic?: string,
  ) {}
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
