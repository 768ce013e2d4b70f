import type { DefaultLeaf, ExplicitLeaf, Leaf, LeafSource, Link, UnknownLeaf } from '../model/leaf';

/** Leaf constructors, so every source builds leaves the same way. */
export function explicit<T>(value: T, at?: LeafSource): ExplicitLeaf<T> {
  return at ? { state: 'explicit', value, at } : { state: 'explicit', value };
}

export function byDefault<T>(value: T, at?: LeafSource): DefaultLeaf<T> {
  return at ? { state: 'default', value, at } : { state: 'default', value };
}

export function unknown(reason: string, at?: LeafSource): UnknownLeaf {
  return at ? { state: 'unknown', reason, at } : { state: 'unknown', reason };
}

export function isKnown<T>(leaf: Leaf<T>): leaf is ExplicitLeaf<T> | DefaultLeaf<T> {
  return leaf.state !== 'unknown';
}

/** A link whose reference is known (`ref` `null` meaning "no such reference") but not yet resolved. */
export function linkTo(ref: Leaf<string | null>): Link {
  return { ref };
}

/** The leaf's value when known, else `undefined`. */
export function valueOf<T>(leaf: Leaf<T>): T | undefined {
  return leaf.state === 'unknown' ? undefined : leaf.value;
}

/** A leaf of a value computed from another leaf's value, with the same state and source. */
export function mapLeaf<T, U>(leaf: Leaf<T>, compute: (value: T) => U): Leaf<U> {
  return leaf.state === 'unknown' ? leaf : { ...leaf, value: compute(leaf.value) };
}
