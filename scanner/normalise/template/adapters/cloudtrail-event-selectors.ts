import type { CloudTrailTrail, DataEventSelector } from '../../../model/cloudtrail';
import type { Resolved } from '../../../sources/template/resolve/unresolved';
import { withPlaceholders, type Decoder } from '../property-reader';
import { isRecord, itemsOf, whyUnreadable } from '../resolved-values';

/** What a trail records, read from `EventSelectors` or `AdvancedEventSelectors`. */
export interface TrailEvents {
  management: Extract<CloudTrailTrail['management_events'], { value: unknown }>['value'];
  excludedSources: string[];
  data: DataEventSelector[];
}

/** A trail with no selectors records every management event and no data event. */
export const DEFAULT_TRAIL_EVENTS: TrailEvents = { management: 'All', excludedSources: [], data: [] };

interface Direction {
  read: boolean;
  write: boolean;
}

interface ManagementSelector extends Direction {
  excluded: string[];
}

const READ_WRITE: Record<string, Direction> = {
  All: { read: true, write: true },
  ReadOnly: { read: true, write: false },
  WriteOnly: { read: false, write: true },
};

/** `EventSelectors`: `ReadWriteType` (default `All`), `IncludeManagementEvents` (default true), `DataResources`. */
export const asEventSelectors: Decoder<TrailEvents> = (value) => {
  if (!Array.isArray(value)) return { error: 'is not a list' };
  const management: ManagementSelector[] = [];
  const data: DataEventSelector[] = [];
  for (const [index, selector] of value.entries()) {
    const at = `EventSelectors[${index}]`;
    if (!isRecord(selector)) return { error: whyUnreadable(selector, at) };
    const direction = READ_WRITE[String(selector.ReadWriteType ?? 'All')];
    if (!direction) return { error: `${at}.ReadWriteType cannot be read` };
    const include = String(selector.IncludeManagementEvents ?? true);
    if (include !== 'true' && include !== 'false')
      return { error: `${at}.IncludeManagementEvents cannot be read` };
    if (include === 'true') {
      const excluded = strings(selector.ExcludeManagementEventSources, `${at}.ExcludeManagementEventSources`);
      if (excluded.unresolved.length > 0) return { error: `${excluded.unresolved[0]} cannot be resolved` };
      management.push({ ...direction, excluded: excluded.values });
    }
    for (const [position, resource] of itemsOf(selector.DataResources).entries()) {
      const path = `${at}.DataResources[${position}]`;
      if (!isRecord(resource) || typeof resource.Type !== 'string')
        return { error: `${path} cannot be resolved` };
      const values = strings(resource.Values, `${path}.Values`);
      data.push({ resource_type: resource.Type, ...direction, ...values });
    }
  }
  return { ok: { ...managementOf(management), data } };
};

/**
 * `AdvancedEventSelectors`: `eventCategory` says management or data events, `readOnly` restricts to reads
 * or writes, `resources.type` and `resources.ARN` (`StartsWith`, `Equals`) say which data. Filters the
 * model cannot hold (on `eventName`, `NotStartsWith` on ARNs, …) are listed in the data selector's
 * `unresolved`, so a rule answers UNKNOWN rather than count a filtered selector as full coverage; a
 * management selector narrowed to some event sources makes the whole answer unknown.
 */
export const asAdvancedEventSelectors: Decoder<TrailEvents> = (value) => {
  if (!Array.isArray(value)) return { error: 'is not a list' };
  const management: ManagementSelector[] = [];
  const data: DataEventSelector[] = [];
  for (const [index, selector] of value.entries()) {
    const at = `AdvancedEventSelectors[${index}].FieldSelectors`;
    const fields = isRecord(selector) ? fieldsOf(selector.FieldSelectors, at) : undefined;
    if (!fields) return { error: `${at} cannot be resolved` };
    const category = fields.operators.get('eventCategory')?.Equals ?? [];
    const direction = directionOf(fields.operators.get('readOnly'));
    if (!direction) return { error: `${at} has a readOnly field lexguard cannot read` };
    if (category.includes('Management')) {
      if (fields.unresolved.length > 0) return { error: `${fields.unresolved[0]} cannot be resolved` };
      const { NotEquals: excluded = [], ...narrowing } = fields.operators.get('eventSource') ?? {};
      if (Object.keys(narrowing).length > 0)
        return { error: `${at} records the management events of some event sources only` };
      management.push({ ...direction, excluded });
    }
    if (category.includes('Data')) {
      const type = fields.operators.get('resources.type')?.Equals ?? [];
      if (type.length !== 1) return { error: `${at} does not name one resources.type` };
      data.push({ resource_type: type[0], ...direction, ...dataFilters(fields, at) });
    }
  }
  return { ok: { ...managementOf(management), data } };
};

type Operators = Partial<Record<string, string[]>>;

interface FieldSelectors {
  operators: Map<string, Operators>;
  /** Paths of values that could not be resolved. */
  unresolved: string[];
}

function fieldsOf(value: Resolved | undefined, at: string): FieldSelectors | undefined {
  if (!Array.isArray(value)) return undefined;
  const result: FieldSelectors = { operators: new Map(), unresolved: [] };
  for (const selector of value) {
    if (!isRecord(selector) || typeof selector.Field !== 'string') return undefined;
    const operators: Operators = {};
    for (const [operator, items] of Object.entries(selector)) {
      if (operator === 'Field') continue;
      const list = strings(items, `${at}.${selector.Field}.${operator}`);
      result.unresolved.push(...list.unresolved);
      operators[operator] = list.values;
    }
    result.operators.set(selector.Field, operators);
  }
  return result;
}

const SELECTING_FIELDS = new Set(['eventCategory', 'readOnly', 'resources.type']);

/** The ARN prefixes a data selector covers, and the filters the model does not hold. */
function dataFilters(fields: FieldSelectors, at: string): Pick<DataEventSelector, 'values' | 'unresolved'> {
  const values: string[] = [];
  const unresolved = [...fields.unresolved];
  for (const [field, operators] of fields.operators) {
    if (SELECTING_FIELDS.has(field)) continue;
    for (const [operator, items = []] of Object.entries(operators)) {
      if (field === 'resources.ARN' && (operator === 'StartsWith' || operator === 'Equals'))
        values.push(...items);
      else unresolved.push(`${at}.${field}.${operator}`);
    }
  }
  return { values, unresolved };
}

/** `readOnly` `Equals ["true"]` (or `NotEquals ["false"]`) records reads only; no `readOnly` field, both. */
function directionOf(operators: Operators | undefined): Direction | undefined {
  if (!operators) return READ_WRITE.All;
  const { Equals = [], NotEquals = [], ...others } = operators;
  if (Object.keys(others).length > 0 || Equals.length + NotEquals.length !== 1) return undefined;
  const opposite: Record<string, string> = { true: 'false', false: 'true' };
  const readOnly = Equals[0] ?? opposite[NotEquals[0]];
  return readOnly === 'true' ? READ_WRITE.ReadOnly : readOnly === 'false' ? READ_WRITE.WriteOnly : undefined;
}

function managementOf(selectors: ManagementSelector[]): Pick<TrailEvents, 'management' | 'excludedSources'> {
  const read = selectors.some((selector) => selector.read);
  const write = selectors.some((selector) => selector.write);
  const management = read && write ? 'All' : read ? 'ReadOnly' : write ? 'WriteOnly' : 'None';
  // A source is left out only when every selector that records management events leaves it out.
  const [first, ...others] = selectors;
  const excludedSources = (first?.excluded ?? []).filter((source) =>
    others.every((selector) => selector.excluded.includes(source)),
  );
  return { management, excludedSources };
}

/** A string or list of strings; items that cannot be resolved are left out and their paths returned. */
function strings(value: Resolved | undefined, path: string): { values: string[]; unresolved: string[] } {
  const result = { values: [] as string[], unresolved: [] as string[] };
  if (value === undefined) return result;
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, index) => {
    const text = withPlaceholders(item);
    if (typeof text === 'string') result.values.push(text);
    else result.unresolved.push(Array.isArray(value) ? `${path}[${index}]` : path);
  });
  return result;
}
