import type { Template } from 'aws-cdk-lib/assertions';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
  Metadata?: Record<string, unknown>;
}

/** The template's resources of one CloudFormation type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

/** The only resource of a type whose construct path contains `pathPart`. */
export function resourceAt(template: Template, type: string, pathPart: string): [string, CfnResource] {
  const found = Object.entries(resourcesOf(template, type)).filter(([, resource]) =>
    String(resource.Metadata?.['aws:cdk:path'] ?? '').includes(pathPart),
  );
  if (found.length !== 1) throw new Error(`expected one ${type} at …${pathPart}…, found ${found.length}`);
  return found[0];
}

/** `{ "Fn::GetAtt": [id, "Arn"] }`, the way CDK references a resource's ARN. */
export function arnOf(logicalId: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId, 'Arn'] };
}

/** The logical id of the KMS key an alias points at. */
export function keyByAlias(template: Template, aliasName: string): string {
  const alias = Object.values(resourcesOf(template, 'AWS::KMS::Alias')).find(
    (resource) => resource.Properties?.AliasName === aliasName,
  );
  const target = alias?.Properties?.TargetKeyId as { 'Fn::GetAtt': [string, string] } | undefined;
  if (!target) throw new Error(`no KMS alias ${aliasName}`);
  return target['Fn::GetAtt'][0];
}

/** A resource's tags as a map. */
export function tagsOf(resource: CfnResource): Record<string, string> {
  const tags = (resource.Properties?.Tags ?? []) as Array<{ Key: string; Value: string }>;
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}

export interface PolicyStatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export function statementsOf(document: unknown): PolicyStatementJson[] {
  return ((document as { Statement?: PolicyStatementJson[] }).Statement ?? []).map((statement) => statement);
}

export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
