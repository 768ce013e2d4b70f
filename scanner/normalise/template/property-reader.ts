import type { Leaf, Link, TemplateLeafSource } from '../../model/leaf';
import { isUnresolved, Unresolved, type Resolved } from '../../sources/template/resolve/unresolved';
import { propertyPath, type PathSegment } from '../../util/property-path';
import { byDefault, explicit, linkTo, unknown } from '../leaves';

/** What a property means when the template leaves it out. */
export type WhenAbsent<T> =
  /** AWS applies a documented default. */
  | { default: T }
  /** Nothing can be said (e.g. a name CloudFormation generates). */
  | { unknown: string };

/** A property CloudFormation requires is missing: what that leaf is, rather than a default. */
export function required(property: string): { unknown: string } {
  return { unknown: `${property} is required by CloudFormation and missing` };
}

/** Turns a resolved value into the leaf's type, or says why it cannot. */
export type Decoder<T> = (value: Resolved) => { ok: T } | { error: string };

/**
 * Reads one resource's resolved `Properties` into leaves: explicit when the template sets the property,
 * the documented default when it leaves it out, unknown (with the reason) when it could not be resolved or
 * has the wrong type. Each leaf records its property path, from which the finding's line is found.
 */
export class PropertyReader {
  constructor(private readonly properties: Resolved | undefined) {}

  /** The value at `path`: `undefined` when absent; an `Unresolved` when the path runs through one. */
  get(path: readonly PathSegment[]): Resolved | undefined {
    let current: Resolved | undefined = this.properties;
    for (const segment of path) {
      if (current === undefined || current === null) return undefined;
      if (isUnresolved(current)) return current;
      if (typeof segment === 'number') {
        if (!Array.isArray(current)) return undefined;
        current = current[segment];
      } else {
        if (typeof current !== 'object' || Array.isArray(current)) return undefined;
        current = (current as Record<string, Resolved>)[segment];
      }
    }
    return current;
  }

  at(path: readonly PathSegment[]): TemplateLeafSource {
    return { path: propertyPath(path) };
  }

  leaf<T>(path: readonly PathSegment[], decode: Decoder<T>, whenAbsent: WhenAbsent<T>): Leaf<T> {
    return this.leafOf(this.get(path), path, decode, whenAbsent);
  }

  /**
   * A reference to another resource (a name, an ARN, a token), for a `Link`. A value unresolved only for
   * the stack's region or account reads as its placeholder rendering: it still names exactly one resource.
   */
  reference(path: readonly PathSegment[], whenAbsent: WhenAbsent<string | null>): Leaf<string | null> {
    return this.leafOf(withPlaceholders(this.get(path)), path, asNullableString, whenAbsent);
  }

  /** A list of references (e.g. `ManagedPolicyArns`, `AlarmActions`) as links, each placed; empty by default. */
  links(path: readonly PathSegment[]): Leaf<Link[]> {
    const refs = this.leaf(path, asReferences, { default: [] });
    if (refs.state === 'unknown') return refs;
    const links = refs.value.map((ref, index) =>
      linkTo(explicit<string | null>(ref, this.at([...path, index]))),
    );
    return { ...refs, value: links };
  }

  private leafOf<T>(
    value: Resolved | undefined,
    path: readonly PathSegment[],
    decode: Decoder<T>,
    whenAbsent: WhenAbsent<T>,
  ): Leaf<T> {
    const at = this.at(path);
    if (value === undefined) {
      return 'default' in whenAbsent ? byDefault(whenAbsent.default, at) : unknown(whenAbsent.unknown, at);
    }
    if (isUnresolved(value)) return unknown(value.reason, at);
    const decoded = decode(value);
    if ('error' in decoded) return unknown(`${at.path} ${decoded.error}`, at);
    return explicit(decoded.ok, at);
  }

  string(path: readonly PathSegment[], whenAbsent: WhenAbsent<string>): Leaf<string> {
    return this.leaf(path, asString, whenAbsent);
  }

  boolean(path: readonly PathSegment[], whenAbsent: WhenAbsent<boolean>): Leaf<boolean> {
    return this.leaf(path, asBoolean, whenAbsent);
  }

  number(path: readonly PathSegment[], whenAbsent: WhenAbsent<number>): Leaf<number> {
    return this.leaf(path, asNumber, whenAbsent);
  }
}

/** The placeholder rendering of a value unresolved only for the stack's region or account, else the value. */
export function withPlaceholders<T extends Resolved | undefined>(value: T): T | string {
  return isUnresolved(value) && value.symbolic !== undefined ? value.symbolic : value;
}

export const asString: Decoder<string> = (value) =>
  typeof value === 'string' || typeof value === 'number'
    ? { ok: String(value) }
    : { error: 'is not a string' };

export const asNullableString: Decoder<string | null> = (value) =>
  value === null ? { ok: null } : asString(value);

/** A list of references (names, ARNs, tokens), placeholders allowed as in `PropertyReader.reference`. */
export const asReferences: Decoder<string[]> = (value) =>
  asList(asString)(Array.isArray(value) ? value.map((item) => withPlaceholders(item)) : value);

/** CloudFormation accepts `true`, `false` and the strings `"true"`, `"false"` for booleans. */
export const asBoolean: Decoder<boolean> = (value) => {
  if (typeof value === 'boolean') return { ok: value };
  if (value === 'true' || value === 'false') return { ok: value === 'true' };
  return { error: `is ${JSON.stringify(value)}, not true or false` };
};

/** CloudFormation accepts numbers and numeric strings for numbers. */
export const asNumber: Decoder<number> = (value) => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) ? { ok: number } : { error: `is ${JSON.stringify(value)}, not a number` };
};

/** Decodes a list whose items decode with `item`; an unresolved or wrong item makes the whole list unknown. */
export function asList<T>(item: Decoder<T>): Decoder<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return { error: 'is not a list' };
    const result: T[] = [];
    for (const element of value) {
      if (element instanceof Unresolved)
        return { error: `holds a value that cannot be resolved: ${element.reason}` };
      const decoded = item(element);
      if ('error' in decoded) return decoded;
      result.push(decoded.ok);
    }
    return { ok: result };
  };
}
