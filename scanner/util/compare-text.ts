/**
 * Orders strings by UTF-16 code units: stable across machines and locales, and far faster than
 * `localeCompare` when sorting thousands of findings.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
