import type { SuppressionTerms } from './suppressions-file';

/** Where a suppression is written, so every report can point back to it. */
export interface SuppressionOrigin {
  file: string;
  line?: number;
  column?: number;
  /** Set for a suppression written in a resource's `Metadata`: that resource's logical id. */
  logical_id?: string;
}

/** What a suppression covers. */
export type SuppressionScope =
  /** Written in a resource's Metadata: exactly that resource (its model id). */
  | { kind: 'resource'; resource_id: string }
  /** Written in the central file: every finding all of whose given globs match. */
  | { kind: 'globs'; resource?: string; logical_id?: string; construct_path?: string };

/** A suppression as a scan applies it: its terms, what it covers, and where it is written. */
export interface Suppression extends SuppressionTerms {
  scope: SuppressionScope;
  origin: SuppressionOrigin;
}

/** `file:line:column`, with the resource for Metadata: what reports show as a waiver's source. */
export function describeOrigin(origin: SuppressionOrigin): string {
  const where = [origin.file, origin.line, origin.line !== undefined ? origin.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return origin.logical_id ? `${where} (Metadata of ${origin.logical_id})` : where;
}

/** What a suppression covers, in words: `resource store/Docs`, `logical_id Docs* and construct_path A/**`. */
export function describeScope(scope: SuppressionScope): string {
  if (scope.kind === 'resource') return `resource ${scope.resource_id}`;
  return (['resource', 'logical_id', 'construct_path'] as const)
    .filter((key) => scope[key] !== undefined)
    .map((key) => `${key} ${scope[key]}`)
    .join(' and ');
}

/** Whether `date` (YYYY-MM-DD) names a real calendar day. */
export function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
