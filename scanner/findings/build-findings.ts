import type { Catalog } from '../catalog/catalog';
import type { RuleOutcome, RuleResult } from '../engine/policy-engine';
import type { RuleMetadata } from '../engine/rule-metadata';
import type { Leaf, LeafSource } from '../model/leaf';
import { RESOURCE_COLLECTIONS } from '../model/collections';
import type { Model } from '../model/model';
import type { ResourceBase, ResourceKind } from '../model/resource';
import { splitPath } from '../util/property-path';
import type { Finding, FindingLocation } from './finding';

/** Turns a template path into a line and column; given by the source that read the template. */
export type TemplateLocator = (
  file: string,
  path: ReadonlyArray<string | number>,
) => { line: number; column: number } | undefined;

export interface BuildFindingsOptions {
  /** What was scanned, for findings about the scan as a whole. */
  target: string;
  locate?: TemplateLocator;
  /**
   * The control catalog, so that a finding about an attested control carries that control's clause and
   * framework controls rather than those of every control its rule judges.
   */
  catalog?: Pick<Catalog, 'clauses' | 'mappings'>;
}

/**
 * Turns the rules' raw results into findings: each with its rule's metadata, the resource, and where to
 * look (file, line and construct path, or ARN and API call). A rule that could not run becomes an ERROR
 * finding; a rule that needs another source (live state, on a template) becomes NOT_APPLICABLE.
 */
export function buildFindings(
  outcomes: RuleOutcome[],
  model: Model,
  options: BuildFindingsOptions,
): Finding[] {
  const resources = indexResources(model);
  const findings: Finding[] = [];
  for (const outcome of outcomes) {
    const { rule } = outcome;
    if (!rule.sources.includes(model.scan.source_kind)) {
      findings.push(
        scopeFinding(
          rule,
          'NOT_APPLICABLE',
          `needs ${rule.sources.join(' or ')} state; this scan read a ${model.scan.source_kind}`,
          options.target,
        ),
      );
      continue;
    }
    if ('error' in outcome) {
      findings.push(scopeFinding(rule, 'ERROR', outcome.error, options.target));
      continue;
    }
    for (const result of outcome.results) {
      const resource = resources.get(result.resource);
      findings.push({
        ...ruleFields(rule),
        ...attestedFields(rule, result.resource, options.catalog),
        status: result.status,
        message: result.message,
        resource: { id: result.resource, kind: resource?.kind ?? 'scope' },
        location: resource
          ? locationOf(resource, result, options.locate)
          : { kind: 'scope', target: options.target },
        ...(result.property ? { property: result.property } : {}),
        ...(model.scan.scenario ? { scenario: model.scan.scenario } : {}),
      });
    }
  }
  return findings;
}

function ruleFields(
  rule: RuleMetadata,
): Pick<Finding, 'rule_id' | 'title' | 'severity' | 'clauses' | 'remediation' | 'frameworks'> {
  return {
    rule_id: rule.id,
    title: rule.title,
    severity: rule.severity,
    clauses: rule.clauses,
    remediation: rule.remediation,
    ...(rule.frameworks ? { frameworks: rule.frameworks } : {}),
  };
}

/** The clause and framework controls of the attested control a finding of an attestation rule names. */
function attestedFields(
  rule: RuleMetadata,
  control: string,
  catalog: BuildFindingsOptions['catalog'],
): Partial<Pick<Finding, 'clauses' | 'frameworks'>> {
  if (!catalog || !rule.resource_kinds.includes('attestation')) return {};
  const clause = catalog.clauses.find((c) => (c.attested_controls ?? []).some(({ id }) => id === control));
  if (!clause) return {};
  const frameworks = catalog.mappings[control];
  return { clauses: [clause.id], frameworks: frameworks ?? {} };
}

function scopeFinding(
  rule: RuleMetadata,
  status: 'NOT_APPLICABLE' | 'ERROR',
  message: string,
  target: string,
): Finding {
  return {
    ...ruleFields(rule),
    status,
    message,
    resource: { id: '*', kind: 'scope' },
    location: { kind: 'scope', target },
  };
}

function indexResources(model: Model): Map<string, ResourceBase<ResourceKind>> {
  const index = new Map<string, ResourceBase<ResourceKind>>();
  for (const collection of RESOURCE_COLLECTIONS) {
    for (const resource of Object.values(model[collection]) as Array<ResourceBase<ResourceKind>>) {
      index.set(resource.id, resource);
    }
  }
  return index;
}

function locationOf(
  resource: ResourceBase<ResourceKind>,
  result: RuleResult,
  locate: TemplateLocator | undefined,
): FindingLocation {
  const at = result.property ? leafAt(resource, result.property) : undefined;
  const { source } = resource;
  if (source.kind === 'live') {
    return {
      kind: 'live',
      arn: source.arn,
      account: source.account,
      region: source.region,
      ...(at && 'call' in at ? { call: at.call } : {}),
      evidence: source.evidence,
    };
  }
  const templateAt = at && 'path' in at ? at : undefined;
  const logicalId = templateAt?.logical_id ?? source.logical_id;
  const propertyPath = templateAt?.path;
  const position =
    (propertyPath && locate?.(source.file, ['Resources', logicalId, ...splitPath(propertyPath)])) ||
    (source.logical_id ? locate?.(source.file, ['Resources', source.logical_id]) : undefined);
  return {
    kind: 'template',
    file: source.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    logical_id: source.logical_id,
    ...(source.construct_path ? { construct_path: source.construct_path } : {}),
    ...(source.stack ? { stack: source.stack } : {}),
    ...(propertyPath
      ? { property_path: templateAt?.logical_id ? `${templateAt.logical_id}.${propertyPath}` : propertyPath }
      : {}),
  };
}

/** The `at` of the leaf a dotted model property names (e.g. `encryption.kms_key` → its `ref` leaf). */
function leafAt(resource: ResourceBase<ResourceKind>, property: string): LeafSource | undefined {
  let node: unknown = resource;
  for (const key of property.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (isLeaf(node)) return node.at;
  // A link: its reference is the leaf that was written down.
  if (typeof node === 'object' && node !== null && 'ref' in node && isLeaf((node as { ref: unknown }).ref)) {
    return (node as { ref: Leaf<unknown> }).ref.at;
  }
  return undefined;
}

function isLeaf(node: unknown): node is Leaf<unknown> {
  return typeof node === 'object' && node !== null && 'state' in node;
}
