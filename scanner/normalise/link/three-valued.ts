import type { Leaf } from '../../model/leaf';
import { byDefault, explicit, unknown } from '../leaves';

/**
 * An answer that may not be known: `true`, `false`, or the reason it cannot be told. Reverse links are
 * computed in this logic so that a doubt reaches the rule as an unknown leaf, never as a "no".
 */
export type Answer = boolean | { doubt: string };

export function anyOf(answers: Iterable<Answer>): Answer {
  let doubt: Answer = false;
  for (const answer of answers) {
    if (answer === true) return true;
    if (answer !== false && doubt === false) doubt = answer;
  }
  return doubt;
}

export function allOf(answers: Iterable<Answer>): Answer {
  let doubt: Answer = true;
  for (const answer of answers) {
    if (answer === false) return false;
    if (answer !== true && doubt === true) doubt = answer;
  }
  return doubt;
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
