import type { Classification } from './store-context';

/** The classifications a document bucket may carry, from the least to the most sensitive. */
export const CLASSIFICATIONS: readonly Classification[] = ['internal', 'confidential', 'privileged'];

/** The most sensitive of some classifications: that of a store serving all of them. */
export function mostSensitive(classifications: readonly Classification[]): Classification {
  return [...CLASSIFICATIONS].reverse().find((c) => classifications.includes(c)) ?? 'internal';
}
