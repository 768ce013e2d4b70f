import type { Leaf } from '../../model/leaf';
import type { Model } from '../../model/model';
import type { RuleConfig } from '../../model/rule-config';
import type { ParsedTemplate } from '../../sources/template/parse-template';
import {
  TemplateResolver,
  type ConditionQuestion,
  type PseudoParameters,
} from '../../sources/template/resolve/resolver';
import type { Resolved } from '../../sources/template/resolve/unresolved';
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
  parameters?: Record<string, Resolved>;
  pseudo?: Partial<Pick<PseudoParameters, 'region' | 'accountId' | 'stackName'>>;
  assumptions?: ReadonlyMap<string, boolean>;
  /** The scenario the assumptions make, for the model's scan context. */
  scenario?: string;
  /** Why conditions are left undecided beyond the assumptions (the scenario bound was reached). */
  undecidedNote?: string;
  /** Deepest nesting of intrinsic functions the resolver follows. */
  maxDepth?: number;
  /** Characters the template's resolved values may hold in all. */
  maxResolvedChars?: number;
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
  /** The undecidable conditions the model's values depend on (see `TemplateResolver.undecidedRoots`). */
  undecided: ConditionQuestion[];
}

/** Reads one parsed template into the normalised model: resolve, adapt each resource, then link. */
export function templateToModel(template: ParsedTemplate, options: TemplateModelOptions): TemplateModel {
  const resolver = new TemplateResolver(template.body, {
    parameters: options.parameters,
    pseudo: { ...options.pseudo, stackName: options.pseudo?.stackName ?? options.stackName },
    assumptions: options.assumptions,
    undecidedNote: options.undecidedNote,
    maxDepth: options.maxDepth,
    maxResolvedChars: options.maxResolvedChars,
  });
  const builder = new TemplateModelBuilder(options.config, options.scannedAt, options.scenario);
  builder.addTemplate({
    template,
    resolver,
    stack: stackFacts(options.scope, options.pseudo?.accountId, options.pseudo?.region),
    stackName: options.stackName,
  });
  return { ...builder.finish(), undecided: resolver.undecidedRoots() };
}

/** The facts a stack's resources share, from what the user or the cloud assembly says about it. */
export function stackFacts(scope: string, account?: string, region?: string): StackFacts {
  return {
    scope,
    account: knownOr(account, 'the account is only known at deploy time'),
    region: knownOr(region, 'the region is only known at deploy time'),
  };
}

/** One template to add to a model, with the resolver that reads it. */
export interface TemplateInput {
  template: ParsedTemplate;
  resolver: TemplateResolver;
  stack: StackFacts;
  /** The stack's name, for findings, when the template came from a cloud assembly. */
  stackName?: string;
  /** Model id prefix of the account the stack deploys into; the stack's scope by default. */
  accountScope?: string;
  /** Construct paths by logical id (from a cloud assembly's manifest), for resources without `aws:cdk:path`. */
  constructPaths?: ReadonlyMap<string, string>;
}

/**
 * Builds one model from one template or several (the stacks of a cloud assembly): every template's
 * resources are created first, then attached to (bucket policies, IAM policies), then linked, so a
 * policy or a reference in one stack finds its resource in another.
 */
export class TemplateModelBuilder {
  readonly model: Model;
  private readonly diagnostics: TemplateDiagnostic[] = [];
  private readonly notModelled: Record<string, number> = {};
  private readonly queued: Array<{ resource: TemplateResource; adapters: readonly TemplateAdapter[] }> = [];
  private readonly inputs: TemplateInput[] = [];

  constructor(config: RuleConfig, scannedAt: string, scenario?: string) {
    this.model = emptyModel(
      { source_kind: 'template', scanned_at: scannedAt, ...(scenario ? { scenario } : {}) },
      config,
    );
  }

  addTemplate(input: TemplateInput): void {
    const { template, resolver } = input;
    this.inputs.push(input);
    const accountScope = input.accountScope ?? input.stack.scope;
    const stack: StackFacts = { ...input.stack, accountId: `${accountScope}/account` };
    if (!this.model.accounts[stack.accountId ?? '']) {
      const account = templateAccount({ ...stack, scope: accountScope }, template.file);
      this.model.accounts[account.id] = account;
    }
    for (const [logicalId, declaration] of Object.entries(template.body.Resources)) {
      if (typeof declaration !== 'object' || declaration === null) continue;
      const type = typeof declaration.Type === 'string' ? declaration.Type : '';
      const adapters = adaptersFor(type);
      if (adapters.length === 0) {
        const counted = type || '(no Type)';
        this.notModelled[counted] = (this.notModelled[counted] ?? 0) + 1;
        continue;
      }
      if (typeof declaration.Condition === 'string') {
        const created = resolver.createsResource(declaration.Condition, [
          'Resources',
          logicalId,
          'Condition',
        ]);
        if (created === false) continue;
      }
      const properties = resolver.resolve(declaration.Properties ?? {}, [
        'Resources',
        logicalId,
        'Properties',
      ]);
      const constructPath = constructPathOf(declaration.Metadata) ?? input.constructPaths?.get(logicalId);
      this.queued.push({
        adapters,
        resource: {
          logicalId,
          id: `${stack.scope}/${logicalId}`,
          type,
          properties: new PropertyReader(properties),
          stack,
          source: {
            kind: 'template',
            file: template.file,
            logical_id: logicalId,
            resource_type: type,
            ...(constructPath ? { construct_path: constructPath } : {}),
            ...(input.stackName ? { stack: input.stackName } : {}),
          },
        },
      });
    }
  }

  finish(): Omit<TemplateModel, 'undecided'> {
    // A template read alone keeps short tokens, which name resources of its own scope.
    const alone = this.inputs.length === 1 ? this.inputs[0].stack : undefined;
    const references = new ReferenceIndex(this.model, alone?.tokenScope ? undefined : alone?.scope);
    const lookup: TemplateLookup = {
      resolveReference: (value, collection) => references.resolve(value, collection),
      registerReference: (value, collection, id) => references.register(value, collection, id),
      report: (message, resource, propertyPath) =>
        this.diagnostics.push({
          message,
          file: resource.source.kind === 'template' ? resource.source.file : '',
          logicalId: resource.logicalId,
          path: ['Resources', resource.logicalId, ...(propertyPath ? propertyPath.split('.') : [])],
        }),
    };
    for (const phase of ['create', 'attach'] as const) {
      for (const { resource, adapters } of this.queued) {
        for (const adapter of adapters)
          if (adapter.phase === phase) adapter.apply(resource, this.model, lookup);
      }
    }
    if (this.inputs.length > 0) {
      addAwsManagedPolicies(this.model, this.inputs[0].stack, this.inputs[0].template.file);
    }
    linkResources(this.model, references);
    for (const { resolver, template } of this.inputs) {
      for (const diagnostic of resolver.diagnostics)
        this.diagnostics.push({ ...diagnostic, file: template.file });
    }
    return { model: this.model, diagnostics: this.diagnostics, notModelled: this.notModelled };
  }
}

function knownOr(value: string | undefined, reason: string): Leaf<string> {
  return value ? explicit(value) : unknown(reason);
}

/** The CDK construct path CDK writes into each resource's `Metadata`. */
function constructPathOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const path = (metadata as Record<string, unknown>)['aws:cdk:path'];
  return typeof path === 'string' ? path : undefined;
}
