/**
 * A small seeded generator (a linear congruential one) for tests that need randomness they can repeat:
 * the same seed gives the same sequence, so a failing run can be replayed by its seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
