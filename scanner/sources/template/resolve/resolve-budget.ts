import { Unresolved, type Resolved } from './unresolved';

/**
 * How many characters the values of one template may add up to once resolved (`limits.max_resolved_chars`).
 * A template is bounded by the file size limit, but its values are not: a parameter, a mapping value, a
 * `Fn::Sub` variable or a YAML alias can be written into the model any number of times, and `Fn::Join`
 * repeats its delimiter between every item, so a 1 MB template can ask for gigabytes. The resolver charges
 * every value it returns to this budget, checks what a function would build before building it, and once
 * the budget is spent leaves what remains unresolved (UNKNOWN, never PASS), with one note saying where.
 */
export class ResolveBudget {
  private left: number;
  private reported = false;
  private readonly reason: string;

  constructor(
    limit: number,
    private readonly report: (message: string, path: Array<string | number>) => void,
  ) {
    this.left = limit;
    this.reason = `the template's resolved values exceed ${limit} characters (limits.max_resolved_chars); what is left is not resolved`;
  }

  /** Whether `size` more characters fit; reports, once, where the budget ran out when they do not. */
  affords(size: number, path: Array<string | number>): boolean {
    if (size <= this.left) return true;
    this.left = -1;
    if (!this.reported) {
      this.reported = true;
      this.report(this.reason, path);
    }
    return false;
  }

  /** Charges `size` characters; false (and reported) when they do not fit. */
  spend(size: number, path: Array<string | number>): boolean {
    if (!this.affords(size, path)) return false;
    this.left -= size;
    return true;
  }

  spent(): boolean {
    return this.left < 0;
  }

  exhausted(): Unresolved {
    return new Unresolved(this.reason);
  }

  /** Characters a resolved value holds: its strings, and one for every other value. */
  static sizeOf(value: Resolved): number {
    if (typeof value === 'string') return value.length;
    if (typeof value !== 'object' || value === null || value instanceof Unresolved) return 1;
    let size = 0;
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const next = stack.pop();
      if (typeof next === 'string') size += next.length;
      else if (Array.isArray(next)) {
        size += 1;
        for (const item of next) stack.push(item);
      } else if (typeof next === 'object' && next !== null && !(next instanceof Unresolved)) {
        for (const [key, item] of Object.entries(next)) {
          size += key.length;
          stack.push(item);
        }
      } else size += 1;
    }
    return size;
  }
}
