import type { Leaf } from '../../model/leaf';
import type { Model } from '../../model/model';
import type { RuleConfig } from '../../model/rule-config';
import type { ParsedTemplate } from '../../sources/template/parse-template';
import { TemplateResolver, type PseudoParameters } from '../../sources/template/resolve/resolver';
import { emptyModel } from '../empty-model';
import { explicit, unknown } from '../leaves';
import { linkResources } from '../link/link-resources';
import { ReferenceIndex } from '../link/reference-index';
import { adaptersFor } from './adapters';
import type { TemplateAdapter, TemplateLookup } from './adapters/adapter';
import { addAwsManagedPolicies } from './aws-managed-policies';
import { PropertyReader } from './property-reader';
import { templateAccount } from './template-account';
import type { StackFacts, TemplateResource } from './template-resource';

export interface TemplateModelOptions {
  config: RuleConfig;
  /** When the scan started (ISO 8601). */
  scannedAt: string;
  /** Prefix of the model ids: the stack name, or the template file's base name. */
  scope: string;
  /** The stack's name when the template came from a cloud assembly. */
  stackName?: string;
  parameters?: Record<string, string>;
  pseudo?: Partial<Pick<PseudoParameters, 'region' | 'accountId' | 'stackName'>>;
  assumptions?: ReadonlyMap<string, boolean>;
}

/** Something in a template lexguard could not follow, with where it is. */
export interface TemplateDiagnostic {
  message: string;
  file: string;
  logicalId?: string;
  /** Path in the template, e.g. `Resources.Docs.Properties.Bucket`. */
  path: Array<string | number>;
}

export interface TemplateModel {
  model: Model;
  diagnostics: TemplateDiagnostic[];
  /** CloudFormation types in the template that no adapter reads, with how many resources of each. */
  notModelled: Record<string, number>;
}

/** Reads a parsed template into the normalised model: resolve, adapt each resource, then link. */
export function templateToModel(template: ParsedTemplate, options: TemplateModelOptions): TemplateModel {
  const resolver = new TemplateResolver(template.body, {
    parameters: options.parameters,
    pseudo: { ...options.pseudo, stackName: options.pseudo?.stackName ?? options.stackName },
    assumptions: options.assumptions,
  });
  const model = emptyModel({ source_kind: 'template', scanned_at: options.scannedAt }, options.config);
  const diagnostics: TemplateDiagnostic[] = [];
  const notModelled: Record<string, number> = {};
  const stack: StackFacts = {
    scope: options.scope,
    account: knownOr(options.pseudo?.accountId, 'the account is only known at deploy time'),
    region: knownOr(options.pseudo?.region, 'the region is only known at deploy time'),
  };
  const account = templateAccount(stack, template.file);
  model.accounts[account.id] = account;

  const references = new ReferenceIndex(model, options.scope);
  const lookup: TemplateLookup = {
    resolveReference: (value, collection) => references.resolve(value, collection),
    registerReference: (value, collection, id) => references.register(value, collection, id),
    report: (message, resource, propertyPath) =>
      diagnostics.push({
        message,
        file: template.file,
        logicalId: resource.logicalId,
        path: ['Resources', resource.logicalId, ...(propertyPath ? propertyPath.split('.') : [])],
      }),
  };

  const resources: Array<{ resource: TemplateResource; adapters: readonly TemplateAdapter[] }> = [];
  for (const [logicalId, declaration] of Object.entries(template.body.Resources)) {
    if (typeof declaration !== 'object' || declaration === null) continue;
    const type = typeof declaration.Type === 'string' ? declaration.Type : '';
    const adapters = adaptersFor(type);
    if (adapters.length === 0) {
      notModelled[type || '(no Type)'] = (notModelled[type || '(no Type)'] ?? 0) + 1;
      continue;
    }
    if (typeof declaration.Condition === 'string') {
      const created = resolver.condition(declaration.Condition, ['Resources', logicalId, 'Condition']);
      if (created === false) continue;
    }
    const properties = resolver.resolve(declaration.Properties ?? {}, ['Resources', logicalId, 'Properties']);
    resources.push({
      adapters,
      resource: {
        logicalId,
        id: `${options.scope}/${logicalId}`,
        type,
        properties: new PropertyReader(properties),
        stack,
        source: {
          kind: 'template',
          file: template.file,
          logical_id: logicalId,
          resource_type: type,
          ...(constructPath(declaration.Metadata)
            ? { construct_path: constructPath(declaration.Metadata) }
            : {}),
          ...(options.stackName ? { stack: options.stackName } : {}),
        },
      },
    });
  }
  for (const phase of ['create', 'attach'] as const) {
    for (const { resource, adapters } of resources) {
      for (const adapter of adapters) if (adapter.phase === phase) adapter.apply(resource, model, lookup);
    }
  }
  addAwsManagedPolicies(model, stack, template.file);
  linkResources(model, references);
  for (const diagnostic of resolver.diagnostics) diagnostics.push({ ...diagnostic, file: template.file });
  return { model, diagnostics, notModelled };
}

function knownOr(value: string | undefined, reason: string): Leaf<string> {
  return value ? explicit(value) : unknown(reason);
}

/** The CDK construct path CDK writes into each resource's `Metadata`. */
function constructPath(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const path = (metadata as Record<string, unknown>)['aws:cdk:path'];
  return typeof path === 'string' ? path : undefined;
}
