import type { Catalog } from '../catalog/catalog';
import type { RuleOutcome, RuleResult } from '../engine/policy-engine';
import type { RuleMetadata } from '../engine/rule-metadata';
import type { Leaf, LeafSource } from '../model/leaf';
import { RESOURCE_COLLECTIONS } from '../model/collections';
import type { Model } from '../model/model';
import type { ResourceBase, ResourceKind } from '../model/resource';
import type { SourcePosition } from '../sources/template/positions';
import { splitPath, type PathSegment } from '../util/property-path';
import type { Finding, FindingLocation, TemplateLocation } from './finding';

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
  const subjects = indexSubjects(model);
  const { scenario } = model.scan;
  const place = placer(options.locate);
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
      const subject = subjects.get(result.resource);
      // A finding about an attested control carries that control's clause and framework controls.
      const attested = subject ? undefined : attestedFields(rule, result.resource, options.catalog);
      const finding = findingOf(
        attested ? { ...rule, ...attested } : rule,
        result.status,
        result.message,
        subject ? subject.ref : { id: result.resource, kind: 'scope' },
        subject ? locationFor(subject, result, place) : { kind: 'scope', target: options.target },
      );
      // Appended, not spread into the literal: Node 20 builds `{...a, b}` and `...(c ? {d} : {})` on a
      // slow path, which cost about 0.4 s of CPU over the 62,000 findings of 10,000 resources.
      if (result.property) finding.property = result.property;
      if (scenario) finding.scenario = scenario;
      findings.push(finding);
    }
  }
  return findings;
}

/** A finding's fields in the order every report writes them, built as one literal (see above). */
function findingOf(
  rule: RuleMetadata,
  status: Finding['status'],
  message: string,
  resource: Finding['resource'],
  location: FindingLocation,
): Finding {
  const { id, title, severity, clauses, remediation, frameworks } = rule;
  return frameworks
    ? { rule_id: id, title, severity, clauses, remediation, frameworks, status, message, resource, location }
    : { rule_id: id, title, severity, clauses, remediation, status, message, resource, location };
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
  return findingOf(rule, status, message, { id: '*', kind: 'scope' }, { kind: 'scope', target });
}

/**
 * A resource findings are about. Its findings share one reference to it and, per model property, one
 * location: nothing changes a finding's parts once it is built, and the 62,000 findings of a
 * 10,000-resource template (about 5,000 of them judged) then need 5,000 references and 27,000
 * locations, each looked up once.
 */
interface Subject {
  resource: ResourceBase<ResourceKind>;
  ref: Finding['resource'];
  locations: Map<string, FindingLocation>;
}

function indexSubjects(model: Model): Map<string, Subject> {
  const index = new Map<string, Subject>();
  for (const collection of RESOURCE_COLLECTIONS) {
    for (const resource of Object.values(model[collection]) as Array<ResourceBase<ResourceKind>>) {
      index.set(resource.id, {
        resource,
        ref: { id: resource.id, kind: resource.kind },
        locations: new Map(),
      });
    }
  }
  return index;
}

function locationFor(subject: Subject, result: RuleResult, place: Placer): FindingLocation {
  let location = subject.locations.get(result.property);
  if (!location) {
    location = locationOf(subject.resource, result, place);
    subject.locations.set(result.property, location);
  }
  return location;
}

/** Where in its template a resource, or a property path of it, is written. */
type Placer = (file: string, logicalId: string, propertyPath?: string) => SourcePosition | undefined;

/**
 * Positions through the source's locator. Property paths repeat across resources of a kind, so each is
 * split into segments once.
 */
function placer(locate: TemplateLocator | undefined): Placer {
  if (!locate) return () => undefined;
  const segments = new Map<string, PathSegment[]>();
  return (file, logicalId, propertyPath) => {
    if (propertyPath === undefined) return locate(file, ['Resources', logicalId]);
    let split = segments.get(propertyPath);
    if (!split) segments.set(propertyPath, (split = splitPath(propertyPath)));
    return locate(file, ['Resources', logicalId, ...split]);
  };
}

function locationOf(
  resource: ResourceBase<ResourceKind>,
  result: RuleResult,
  place: Placer,
): FindingLocation {
  const at = result.property ? leafAt(resource, result.property) : undefined;
  const { source } = resource;
  if (source.kind === 'live') {
    const { arn, account, region, evidence } = source;
    return at && 'call' in at
      ? { kind: 'live', arn, account, region, call: at.call, evidence }
      : { kind: 'live', arn, account, region, evidence };
  }
  const templateAt = at && 'path' in at ? at : undefined;
  const logicalId = templateAt?.logical_id ?? source.logical_id;
  const propertyPath = templateAt?.path;
  const position =
    (propertyPath ? place(source.file, logicalId, propertyPath) : undefined) ??
    (source.logical_id ? place(source.file, source.logical_id) : undefined);
  const { file, logical_id: resourceId } = source;
  const location: TemplateLocation = position
    ? { kind: 'template', file, line: position.line, column: position.column, logical_id: resourceId }
    : { kind: 'template', file, logical_id: resourceId };
  if (source.construct_path) location.construct_path = source.construct_path;
  if (source.stack) location.stack = source.stack;
  if (propertyPath) {
    location.property_path = templateAt?.logical_id
      ? `${templateAt.logical_id}.${propertyPath}`
      : propertyPath;
  }
  return location;
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
