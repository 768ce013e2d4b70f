import type { Leaf } from '../../model/leaf';
import type { Model, ResourceCollection } from '../../model/model';
import type { RuleConfig } from '../../model/rule-config';
import type { ResourceBase, ResourceKind } from '../../model/resource';
import { RESOURCE_COLLECTIONS } from '../../model/collections';
import { emptyModel } from '../../normalise/empty-model';
import { valueOf } from '../../normalise/leaves';
import { linkResources } from '../../normalise/link/link-resources';
import { ReferenceIndex } from '../../normalise/link/reference-index';
import type { LiveCallCounts } from './call-stats';
import { ClientSet, type ClientSettings } from './client-set';
import { ListingTracker, type AccountScope, type CollectContext } from './collect-context';
import { collectAccount } from './collectors/account';
import { collectBackup } from './collectors/backup';
import { collectCloudTrail } from './collectors/cloudtrail';
import { readCredentialReport } from './collectors/credential-report';
import { collectIam } from './collectors/iam';
import { collectKms } from './collectors/kms';
import { collectMonitoring } from './collectors/monitoring';
import { collectS3 } from './collectors/s3';
import { LiveCaller, type CallObserver } from './live-caller';
import { enabledRegions, resolveAccounts, type AccountSelection } from './targets';

export interface LiveCollectOptions {
  accounts: AccountSelection;
  /** Regions to scan; all regions enabled in each account when absent. */
  regions?: string[];
  /** Region asked for the list of enabled regions (the configured default region). */
  homeRegion: string;
  config: RuleConfig;
  client: ClientSettings;
  /** Longest one call may take, retries included (ms). */
  callTimeoutMs: number;
  concurrencyPerService: number;
  now?: () => Date;
  observer?: CallObserver;
  /**
   * Read what belongs to the account as a whole (IAM, its credential report, password policy, root user,
   * account-wide Block Public Access)? A scan split by region reads it in one part per account only.
   * @default true
   */
  accountWide?: boolean;
}

/** Something that kept part of the estate from being read: an account, a region, a whole listing. */
export interface LiveProblem {
  /** `unreachable`: nothing of the target was read; `incomplete`: a listing inside a reached account failed. */
  kind: 'unreachable' | 'incomplete';
  target: string;
  reason: string;
}

export interface LiveCollection {
  model: Model;
  accounts: string[];
  regions: string[];
  counts: LiveCallCounts;
  /** Time during which at least one request was waiting on AWS (ms). */
  waitingMs: number;
  problems: LiveProblem[];
  /** Resources read, and how many of them were read without a failed call. */
  resources: { total: number; complete: number };
}

/**
 * What was read before the resources are linked: a part of a scan that is joined with other parts (other
 * regions of the same account) before anything is linked, since links cross regions (a multi-region
 * trail's data events, a backup copy). `listed` says per account whether each collection was listed
 * completely; it goes into the account's `listed` once the account-wide part is joined in.
 */
export interface UnlinkedCollection extends Omit<LiveCollection, 'resources'> {
  listed: Record<string, Partial<Record<ResourceCollection, Leaf<boolean>>>>;
}

/**
 * Reads live AWS accounts into one normalised model: every account selected, every region asked for,
 * every service the rules need, then links the resources as for a template. Nothing here throws for an
 * AWS error: what could not be read is unknown in the model, and listed in `problems`.
 */
export async function collectLive(options: LiveCollectOptions): Promise<LiveCollection> {
  return linkCollection(await collectUnlinked(options));
}

/** Joins what belongs together in a collected model (once, after every part is in) and counts coverage. */
export function linkCollection(collected: UnlinkedCollection): LiveCollection {
  const { model } = collected;
  for (const [id, listed] of Object.entries(collected.listed)) {
    const account = Object.values(model.accounts).find((candidate) => valueOf(candidate.name) === id);
    if (account) account.listed = { ...account.listed, ...listed };
  }
  linkResources(model, new ReferenceIndex(model));
  return {
    model,
    accounts: Object.values(model.accounts)
      .map((account) => (account.name.state === 'unknown' ? account.id : account.name.value))
      .sort(),
    regions: collected.regions,
    counts: collected.counts,
    waitingMs: collected.waitingMs,
    problems: collected.problems,
    resources: resourceCoverage(model),
  };
}

/** Reads live AWS accounts into a model whose resources are not linked yet (see `UnlinkedCollection`). */
export async function collectUnlinked(options: LiveCollectOptions): Promise<UnlinkedCollection> {
  const now = options.now ?? (() => new Date());
  const scannedAt = now();
  const caller = new LiveCaller({
    callTimeoutMs: options.callTimeoutMs,
    concurrencyPerService: options.concurrencyPerService,
    now,
    observer: options.observer,
  });
  const clients = new ClientSet(options.client, caller.clock);
  const model = emptyModel({ source_kind: 'live', scanned_at: scannedAt.toISOString() }, options.config);
  const problems: LiveProblem[] = [];
  const listed: UnlinkedCollection['listed'] = {};
  const scannedRegions = new Set<string>();
  try {
    const { accounts, unreachable } = await resolveAccounts(options.accounts, caller, clients);
    problems.push(...unreachable.map((item) => ({ kind: 'unreachable' as const, ...item })));
    // Accounts are read side by side; the per-service limits of the caller bound the load on AWS.
    await Promise.all(
      accounts.map(async (scope) => {
        let regions = options.regions;
        if (!regions) {
          const enabled = await enabledRegions(caller, scope, options.homeRegion);
          if ('reason' in enabled) {
            problems.push({
              kind: 'unreachable',
              target: `account ${scope.account}`,
              reason: `its regions could not be listed: ${enabled.reason}`,
            });
            return;
          }
          regions = enabled.regions;
        }
        regions.forEach((region) => scannedRegions.add(region));
        const read = await collectAccountScope(
          { caller, scope, regions, model, scannedAt },
          options.accountWide ?? true,
        );
        problems.push(...read.problems);
        listed[scope.account] = read.listed;
      }),
    );
    return {
      model,
      accounts: Object.keys(listed).sort(),
      regions: [...scannedRegions].sort(),
      counts: caller.counts,
      waitingMs: caller.clock.waitingMs,
      problems,
      listed,
    };
  } finally {
    clients.destroy();
  }
}

async function collectAccountScope(
  base: Omit<CollectContext, 'listing'> & { scope: AccountScope },
  accountWide: boolean,
): Promise<{ problems: LiveProblem[]; listed: Partial<Record<ResourceCollection, Leaf<boolean>>> }> {
  const context: CollectContext = { ...base, listing: new ListingTracker() };
  const trailsSeen = new Set<string>();
  const regional = (): Array<Promise<void>> => [
    collectS3(context),
    ...context.regions.flatMap((region) => [
      collectKms(context, region),
      collectCloudTrail(context, region, trailsSeen),
      collectBackup(context, region),
      collectMonitoring(context, region),
    ]),
  ];
  if (accountWide) {
    const report = await readCredentialReport(context);
    const [account] = await Promise.all([
      collectAccount(context, report.report),
      collectIam(context, report.report),
      ...regional(),
    ]);
    if (account.source.kind === 'live')
      account.source.evidence.push(...report.results.map((result) => result.evidence));
  } else {
    await Promise.all(regional());
  }
  return {
    listed: context.listing.leaves(),
    problems: context.listing.problems.map((problem) => ({
      kind: 'incomplete' as const,
      target: `account ${context.scope.account}: ${problem.collection}`,
      reason: problem.reason,
    })),
  };
}

/** How many resources were read, and how many without any failed call behind them. */
export function resourceCoverage(model: Model): { total: number; complete: number } {
  let total = 0;
  let complete = 0;
  for (const collection of RESOURCE_COLLECTIONS) {
    for (const resource of Object.values(model[collection]) as Array<ResourceBase<ResourceKind>>) {
      total++;
      if (resource.source.kind === 'live' && resource.source.evidence.every((item) => !item.error))
        complete++;
    }
  }
  return { total, complete };
}
