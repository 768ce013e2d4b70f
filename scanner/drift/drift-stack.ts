import { LexguardError } from '../errors';
import { RESOURCE_COLLECTIONS } from '../model/collections';
import type { Model, ResourceCollection } from '../model/model';
import type { RuleConfig } from '../model/rule-config';
import type { ResourceBase, ResourceKind } from '../model/resource';
import { ReferenceIndex } from '../normalise/link/reference-index';
import { templateToModel } from '../normalise/template/template-to-model';
import { DEFAULT_LIVE_TUNING, type LiveTuning } from '../scan/scan-live';
import { ClientSet } from '../sources/live/client-set';
import { collectLive } from '../sources/live/collect-live';
import { LiveCaller } from '../sources/live/live-caller';
import { resolveAccounts } from '../sources/live/targets';
import { parseTemplateText } from '../sources/template/parse-template';
import { replaceTokens } from '../sources/template/resolve/tokens';
import { compareResources, type PropertyDifference } from './compare-resources';
import { readDeployedStack } from './read-stack';

export interface DriftOptions {
  stackName: string;
  region: string;
  config: RuleConfig;
  tuning?: Partial<LiveTuning>;
  now?: () => Date;
}

export interface ResourceDrift {
  logical_id: string;
  resource_type: string;
  /** The live resource's model id (ARN); absent when it could not be found live. */
  live_id?: string;
  differences: PropertyDifference[];
  compared: number;
  /** Properties unknown on one side (not compared), e.g. a value the template leaves to deploy time. */
  unknown: string[];
  /** Why the resource could not be compared, when it could not. */
  missing?: string;
}

export interface StackDrift {
  stack: string;
  region: string;
  account: string;
  resources: ResourceDrift[];
  /** Resource types of the stack lexguard does not model, with counts: not compared. */
  not_modelled: Record<string, number>;
}

/**
 * Compares a deployed stack's template (CloudFormation `GetTemplate`) with its resources as they are
 * live, property by property, reading both into the normalised model with the same readers a scan uses.
 */
export async function driftOfStack(options: DriftOptions): Promise<StackDrift> {
  const now = options.now ?? (() => new Date());
  const tuning = { ...DEFAULT_LIVE_TUNING, ...options.tuning };
  const caller = new LiveCaller({
    callTimeoutMs: tuning.callTimeoutMs,
    concurrencyPerService: tuning.concurrencyPerService,
    now,
  });
  const clients = new ClientSet(tuning, caller.clock);
  try {
    const { accounts, unreachable } = await resolveAccounts({ kind: 'current' }, caller, clients);
    if (accounts.length === 0)
      throw new LexguardError('AWS_UNAVAILABLE', `${unreachable[0]?.target}: ${unreachable[0]?.reason}`);
    const account = accounts[0].account;
    const stack = await readDeployedStack(options.stackName, options.region, caller, clients);
    if ('reason' in stack)
      throw new LexguardError('AWS_UNAVAILABLE', `stack ${options.stackName}: ${stack.reason}`);
    const [template] = parseTemplateText(`${stack.name}.template`, stack.templateBody);
    const scannedAt = now().toISOString();
    const planned = templateToModel(template, {
      config: options.config,
      scannedAt,
      scope: stack.name,
      stackName: stack.name,
      pseudo: { region: options.region, accountId: account },
    }).model;
    const live = await collectLive({
      accounts: { kind: 'current' },
      regions: [options.region],
      homeRegion: options.region,
      config: options.config,
      client: tuning,
      callTimeoutMs: tuning.callTimeoutMs,
      concurrencyPerService: tuning.concurrencyPerService,
      now,
    });
    return compareStack(
      stack.name,
      options.region,
      account,
      planned,
      live.model,
      stack.physicalIds,
      template.body.Resources,
    );
  } finally {
    clients.destroy();
  }
}

function compareStack(
  name: string,
  region: string,
  account: string,
  planned: Model,
  live: Model,
  physicalIds: Map<string, string>,
  declared: Record<string, { Type?: unknown }>,
): StackDrift {
  const liveIndex = new ReferenceIndex(live);
  const planIndex = new Map<
    string,
    { collection: ResourceCollection; resource: ResourceBase<ResourceKind> }
  >();
  for (const collection of RESOURCE_COLLECTIONS) {
    if (collection === 'accounts') continue;
    for (const resource of Object.values(planned[collection]) as Array<ResourceBase<ResourceKind>>) {
      if (resource.source.kind === 'template')
        planIndex.set(resource.source.logical_id, { collection, resource });
    }
  }
  const liveIdOfLogical = (logicalId: string): string | undefined => {
    const entry = planIndex.get(logicalId);
    const physical = physicalIds.get(logicalId);
    return entry && physical ? liveIndex.resolve(physical, entry.collection) : undefined;
  };
  const resolveTokens = (value: string): string =>
    replaceTokens(value, ({ logicalId, attribute }) => {
      if (attribute === 'Arn') {
        const id = liveIdOfLogical(logicalId);
        const resource = id ? findResource(live, id) : undefined;
        return resource && resource.arn.state !== 'unknown' ? resource.arn.value : undefined;
      }
      return attribute ? undefined : physicalIds.get(logicalId);
    });
  // Ids outside the stack's scope (an AWS managed policy, known by its ARN) are the same in both models.
  const liveIdOf = (templateId: string): string | undefined =>
    templateId.startsWith(`${name}/`) ? liveIdOfLogical(templateId.slice(name.length + 1)) : templateId;

  const resources: ResourceDrift[] = [];
  const notModelled: Record<string, number> = {};
  for (const [logicalId, declaration] of Object.entries(declared)) {
    const type = typeof declaration.Type === 'string' ? declaration.Type : '';
    const entry = planIndex.get(logicalId);
    if (!entry) {
      // Attach-phase types (bucket policies) are compared on the resource they attach to.
      if (!type.endsWith('Policy')) notModelled[type] = (notModelled[type] ?? 0) + 1;
      continue;
    }
    const liveId = liveIdOfLogical(logicalId);
    const liveResource = liveId ? findResource(live, liveId) : undefined;
    if (!liveResource) {
      resources.push({
        logical_id: logicalId,
        resource_type: type,
        differences: [],
        compared: 0,
        unknown: [],
        missing: physicalIds.has(logicalId)
          ? `${physicalIds.get(logicalId)} was not found live in ${region}`
          : 'CloudFormation lists no physical resource for it',
      });
      continue;
    }
    const comparison = compareResources(entry.resource, liveResource, { resolveTokens, liveIdOf });
    resources.push({ logical_id: logicalId, resource_type: type, live_id: liveResource.id, ...comparison });
  }
  return { stack: name, region, account, resources, not_modelled: notModelled };
}

function findResource(model: Model, id: string): ResourceBase<ResourceKind> | undefined {
  for (const collection of RESOURCE_COLLECTIONS) {
    const resource = (model[collection] as Record<string, ResourceBase<ResourceKind>>)[id];
    if (resource) return resource;
  }
  return undefined;
}
