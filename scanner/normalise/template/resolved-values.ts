import { isUnresolved, type Resolved } from '../../sources/template/resolve/unresolved';

/** Questions asked of resolved template values inside a property an adapter decodes as a whole. */

export function isRecord(value: Resolved | undefined): value is Record<string, Resolved> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnresolved(value);
}

/** A number, or a numeric string as CloudFormation accepts it; `undefined` otherwise. */
export function toNumber(value: Resolved | undefined): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** The items of a list property, or none when it is absent or not a list. */
export function itemsOf(value: Resolved | undefined): Resolved[] {
  return Array.isArray(value) ? value : [];
}

/** Why a value inside a property cannot be used: the reason it is unresolved, or that it has the wrong shape. */
export function whyUnreadable(value: Resolved | undefined, what: string): string {
  if (isUnresolved(value)) return `${what} cannot be resolved: ${value.reason}`;
  return value === undefined ? `${what} is missing` : `${what} cannot be read`;
}
