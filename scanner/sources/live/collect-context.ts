import type { Leaf } from '../../model/leaf';
import type { Model, ResourceCollection } from '../../model/model';
import { explicit, unknown } from '../../normalise/leaves';
import type { ClientSet } from './client-set';
import type { CallResult, LiveCaller } from './live-caller';

/** One account being scanned: its id and the clients that reach it. */
export interface AccountScope {
  account: string;
  clients: ClientSet;
}

/** What every collector is given. Collectors add resources to `model` and never throw for AWS errors. */
export interface CollectContext {
  caller: LiveCaller;
  scope: AccountScope;
  /** The regions being scanned. */
  regions: readonly string[];
  model: Model;
  scannedAt: Date;
  /** Records whether a collection could be listed completely; see `Account.listed`. */
  listing: ListingTracker;
}

/**
 * Whether each collection was listed completely in an account. A listing that failed means resources may
 * be missing from the model: "no trail exists" cannot then be told from "the trails could not be listed".
 */
export class ListingTracker {
  private readonly failures = new Map<ResourceCollection, string>();
  private readonly seen = new Set<ResourceCollection>();

  record(collection: ResourceCollection, result: CallResult<unknown>, region?: string): void {
    this.seen.add(collection);
    if (result.kind === 'failed' && !this.failures.has(collection)) {
      this.failures.set(collection, `${region ? `${region}: ` : ''}${result.reason}`);
    }
  }

  leaves(): Partial<Record<ResourceCollection, Leaf<boolean>>> {
    const result: Partial<Record<ResourceCollection, Leaf<boolean>>> = {};
    for (const collection of this.seen) {
      const failure = this.failures.get(collection);
      result[collection] = failure
        ? unknown(`the ${collection} could not all be listed: ${failure}`)
        : explicit(true);
    }
    return result;
  }

  get problems(): Array<{ collection: ResourceCollection; reason: string }> {
    return [...this.failures].map(([collection, reason]) => ({ collection, reason }));
  }
}

/**
 * Follows a paginated listing to its end (at most `maxPages`). Returns every item, and the failed page's
 * result when a page could not be read: the listing is then incomplete.
 */
export async function listAll<O, I>(
  caller: LiveCaller,
  call: Parameters<LiveCaller['send']>[0],
  fetch: (token: string | undefined, abortSignal: AbortSignal) => Promise<O>,
  page: (output: O) => { items: readonly I[] | undefined; next: string | undefined },
  maxPages = 10_000,
): Promise<{ items: I[]; results: Array<CallResult<O>>; failure?: CallResult<O> }> {
  const items: I[] = [];
  const results: Array<CallResult<O>> = [];
  let token: string | undefined;
  for (let index = 0; index < maxPages; index++) {
    const result = await caller.send(call, (signal) => fetch(token, signal));
    results.push(result);
    if (result.kind !== 'ok') return { items, results, failure: result };
    const { items: found, next } = page(result.output);
    items.push(...(found ?? []));
    if (!next || next === token) return { items, results };
    token = next;
  }
  return { items, results };
}
