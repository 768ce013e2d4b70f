import type { Leaf } from '../../model/leaf';
import { byDefault, explicit, unknown } from '../leaves';

/**
 * An answer that may not be known: `true`, `false`, or the reason it cannot be told. Reverse links are
 * computed in this logic so that a doubt reaches the rule as an unknown leaf, never as a "no".
 */
export type Answer = boolean | { doubt: string };

export function anyOf(answers: Iterable<Answer>): Answer {
  return settle(answers, true);
}

export function allOf(answers: Iterable<Answer>): Answer {
  return settle(answers, false);
}

/** `decisive` as soon as one answer is; else the first doubt; else the other value. */
function settle(answers: Iterable<Answer>, decisive: boolean): Answer {
  let result: Answer = !decisive;
  for (const answer of answers) {
    if (answer === decisive) return decisive;
    if (typeof answer !== 'boolean' && typeof result === 'boolean') result = answer;
  }
  return result;
}

export function not(answer: Answer): Answer {
  return typeof answer === 'boolean' ? !answer : answer;
}

/**
 * The leaf of a reverse link: the resources found, else the first doubt (one of them might have been
 * found), else a known empty list.
 */
export function reverseLink(ids: string[], doubt: string | undefined): Leaf<string[]> {
  if (ids.length > 0) return explicit(ids);
  return doubt === undefined ? byDefault<string[]>([]) : unknown(doubt);
}

/**
 * Reverse links being gathered: for each resource (a bucket), the resources found to point at it and the
 * first doubt about one that might.
 */
export class ReverseLinks {
  private readonly found = new Map<string, string[]>();
  private readonly doubts = new Map<string, string>();

  /** Records what `answer` says of whether `source` (named `who` in a doubt) points at `target`. */
  add(target: string, source: string, answer: Answer, who: string): void {
    if (answer === true) {
      const sources = this.found.get(target) ?? [];
      if (!sources.includes(source)) this.found.set(target, [...sources, source]);
    } else if (answer !== false && !this.doubts.has(target)) {
      this.doubts.set(target, `${who}: ${answer.doubt}`);
    }
  }

  leaf(target: string): Leaf<string[]> {
    return reverseLink(this.found.get(target) ?? [], this.doubts.get(target));
  }
}
