import { isDeepStrictEqual } from 'node:util';

/** One security-relevant property whose deployed value differs from the template's. */
export interface PropertyDifference {
  /** Dotted model path, e.g. `encryption.algorithm`. */
  property: string;
  template: unknown;
  live: unknown;
}

export interface ResourceComparison {
  differences: PropertyDifference[];
  /** Properties compared (known on both sides). */
  compared: number;
  /** Properties one side could not know (an unresolved template value, a denied call): not compared. */
  unknown: string[];
}

/**
 * Fields that are not settings: identity and provenance, and what the normaliser derives from other
 * resources (those differences show on the resource they come from).
 */
const NOT_SETTINGS = new Set([
  'id',
  'kind',
  'name',
  'arn',
  'account',
  'region',
  'source',
  'at',
  'used_by',
  'backup_selections',
  'data_event_trails',
  'alarms',
  'metric_filters',
  'trails',
  'members',
  'policy_is_public',
  'listed',
]);

export interface CompareContext {
  /** Template values are tokens where CloudFormation fills in a resource's value; this gives the deployed value. */
  resolveTokens(value: string): string;
  /**
   * The live model id of the resource a template link targets; an id that is not the template's own (an
   * AWS managed policy, known by its ARN in both models) is returned as it is.
   */
  liveIdOf(templateId: string): string | undefined;
}

/**
 * Compares a resource read from its deployed template with the same resource read live, leaf by leaf:
 * every setting the model holds is security-relevant by construction. A leaf unknown on either side is
 * listed, not compared; links are compared by the resource they reach.
 */
export function compareResources(
  template: object,
  live: object,
  context: CompareContext,
): ResourceComparison {
  const result: ResourceComparison = { differences: [], compared: 0, unknown: [] };
  walk(template, live, '', context, result);
  return result;
}

function walk(
  template: unknown,
  live: unknown,
  path: string,
  context: CompareContext,
  result: ResourceComparison,
): void {
  if (isLeaf(template) && isLeaf(live)) {
    if (template.state === 'unknown' || live.state === 'unknown') {
      result.unknown.push(path);
      return;
    }
    const expected = normalise(template.value, context, path, 'template');
    const actual = normalise(live.value, context, path, 'live');
    result.compared++;
    if (!isDeepStrictEqual(expected, actual))
      result.differences.push({ property: path, template: expected, live: actual });
    return;
  }
  if (isLink(template) && isLink(live)) {
    if (template.target !== undefined || live.target !== undefined) {
      result.compared++;
      const expected = template.target === undefined ? undefined : context.liveIdOf(template.target);
      if (expected !== live.target)
        result.differences.push({ property: path, template: expected ?? null, live: live.target ?? null });
      return;
    }
    walk(template.ref, live.ref, path, context, result);
    return;
  }
  if (isRecord(template) && isRecord(live)) {
    for (const key of Object.keys(template)) {
      if (NOT_SETTINGS.has(key)) continue;
      walk(template[key], live[key], path ? `${path}.${key}` : key, context, result);
    }
  }
}

/**
 * Values as they compare: tokens resolved, provenance (`at`) dropped, AWS's own tags ignored, and a link
 * inside a value (a role's managed policies) reduced to the live resource it reaches.
 */
function normalise(
  value: unknown,
  context: CompareContext,
  path: string,
  side: 'template' | 'live',
): unknown {
  if (typeof value === 'string') return side === 'template' ? context.resolveTokens(value) : value;
  if (Array.isArray(value)) return value.map((item) => normalise(item, context, path, side));
  if (isLink(value)) {
    if (value.target !== undefined)
      return side === 'template' ? (context.liveIdOf(value.target) ?? null) : value.target;
    return normalise(value.ref.state === 'unknown' ? null : value.ref.value, context, path, side);
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .filter(([key]) => key !== 'at' && !(path === 'tags' && key.startsWith('aws:')))
      .map(([key, item]) => [key, normaliseField(key, item, context, path, side)] as const);
    return Object.fromEntries(entries);
  }
  return value;
}

/** A model id inside a value (a backup rule's `target_vault_target`) names the template's resource: map it. */
function normaliseField(
  key: string,
  item: unknown,
  context: CompareContext,
  path: string,
  side: 'template' | 'live',
): unknown {
  if (side === 'template' && key.endsWith('_target') && typeof item === 'string')
    return context.liveIdOf(item) ?? item;
  return normalise(item, context, path, side);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeaf(value: unknown): value is { state: string; value?: unknown } {
  return isRecord(value) && typeof value.state === 'string';
}

function isLink(value: unknown): value is { ref: { state: string; value?: unknown }; target?: string } {
  return isRecord(value) && 'ref' in value && isLeaf(value.ref);
}
