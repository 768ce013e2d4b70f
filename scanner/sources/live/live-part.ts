import type { Leaf } from '../../model/leaf';
import type { Model, ResourceCollection } from '../../model/model';
import { RESOURCE_COLLECTIONS } from '../../model/collections';
import { emptyModel } from '../../normalise/empty-model';
import { explicit, unknown } from '../../normalise/leaves';
import { emptyCounts, type LiveCallCounts } from './call-stats';
import {
  collectUnlinked,
  linkCollection,
  type LiveCollectOptions,
  type LiveCollection,
  type LiveProblem,
} from './collect-live';

export const LIVE_PART_FORMAT = 'lexguard-live-part/1';

/**
 * One region of one account, read on its own (by one worker of a scan fanned out over accounts × regions)
 * and not yet linked: parts of the same account are joined, then linked, so that links across regions
 * (a multi-region trail's data events, a backup copy to another region) are made as in a scan of the
 * whole account. One part per account also reads what belongs to the account as a whole (`account_wide`).
 * A part is plain JSON, so it can be stored between the two steps.
 */
export interface LivePart {
  format: typeof LIVE_PART_FORMAT;
  account: string;
  region: string;
  account_wide: boolean;
  started_at: string;
  finished_at: string;
  model: Model;
  /** Whether each collection was listed completely in this part. */
  listed: Partial<Record<ResourceCollection, Leaf<boolean>>>;
  counts: LiveCallCounts;
  waiting_ms: number;
  problems: LiveProblem[];
}

export interface LivePartOptions extends Omit<LiveCollectOptions, 'accounts' | 'regions' | 'accountWide'> {
  /** The role to read the account through. */
  roleArn: string;
  region: string;
  accountWide: boolean;
}

/** Reads one region of the account of `roleArn` (and, when asked, what is account-wide). Never throws for AWS errors. */
export async function collectLivePart(options: LivePartOptions): Promise<LivePart> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const collected = await collectUnlinked({
    ...options,
    now,
    accounts: { kind: 'roles', roleArns: [options.roleArn] },
    regions: [options.region],
    accountWide: options.accountWide,
  });
  const account = accountOfRole(options.roleArn);
  return {
    format: LIVE_PART_FORMAT,
    account,
    region: options.region,
    account_wide: options.accountWide,
    started_at: started.toISOString(),
    finished_at: now().toISOString(),
    model: collected.model,
    listed: collected.listed[account] ?? {},
    counts: collected.counts,
    waiting_ms: Math.round(collected.waitingMs),
    problems: collected.problems,
  };
}

/**
 * Joins the parts of a scan into one linked collection, as if it had been read in one go. A part that is
 * missing (its worker failed) is the caller's to report: see `missingParts`.
 */
export function joinLiveParts(parts: readonly LivePart[], config: Model['config']): LiveCollection {
  const first = [...parts].sort((a, b) => a.started_at.localeCompare(b.started_at))[0];
  const model = emptyModel(
    { source_kind: 'live', scanned_at: first?.model.scan.scanned_at ?? new Date(0).toISOString() },
    config,
  );
  const counts = emptyCounts();
  const listed: Record<string, Array<Partial<Record<ResourceCollection, Leaf<boolean>>>>> = {};
  for (const part of parts) {
    for (const collection of RESOURCE_COLLECTIONS) Object.assign(model[collection], part.model[collection]);
    addCounts(counts, part.counts);
    (listed[part.account] ??= []).push(prefixReasons(part.listed, part.region));
  }
  return linkCollection({
    model,
    accounts: Object.keys(listed).sort(),
    regions: [...new Set(parts.map((part) => part.region))].sort(),
    counts,
    // Parts run side by side: the longest wait stands for the whole.
    waitingMs: Math.max(0, ...parts.map((part) => part.waiting_ms)),
    problems: parts.flatMap((part) => part.problems),
    listed: Object.fromEntries(Object.entries(listed).map(([account, all]) => [account, allListed(all)])),
  });
}

/** The regions of an account expected and not among its parts; a missing account-wide part is `ACCOUNT_WIDE`. */
export function missingParts(
  parts: readonly LivePart[],
  expected: { account: string; regions: readonly string[] },
): string[] {
  const have = new Set(parts.map((part) => part.region));
  const missing = expected.regions.filter((region) => !have.has(region));
  if (!parts.some((part) => part.account_wide)) missing.push(ACCOUNT_WIDE);
  return missing;
}

/** The region live resources of the account as a whole (IAM, account settings) carry, and `missingParts` names. */
export const ACCOUNT_WIDE = 'global';

/** The account id of a role ARN (`arn:aws:iam::<account>:role/…`). */
export function accountOfRole(roleArn: string): string {
  return roleArn.split(':')[4] ?? '';
}

/** A collection is listed completely only when every part listed it completely. */
function allListed(
  all: ReadonlyArray<Partial<Record<ResourceCollection, Leaf<boolean>>>>,
): Partial<Record<ResourceCollection, Leaf<boolean>>> {
  const joined: Partial<Record<ResourceCollection, Leaf<boolean>>> = {};
  for (const listed of all) {
    for (const [collection, leaf] of Object.entries(listed) as Array<[ResourceCollection, Leaf<boolean>]>) {
      const before = joined[collection];
      if (before?.state === 'unknown') continue;
      joined[collection] = leaf.state === 'unknown' ? leaf : (before ?? explicit(true));
    }
  }
  return joined;
}

function prefixReasons(
  listed: Partial<Record<ResourceCollection, Leaf<boolean>>>,
  region: string,
): Partial<Record<ResourceCollection, Leaf<boolean>>> {
  return Object.fromEntries(
    Object.entries(listed).map(([collection, leaf]) => [
      collection,
      leaf.state === 'unknown' ? unknown(`${region}: ${leaf.reason}`, leaf.at) : leaf,
    ]),
  );
}

function addCounts(total: LiveCallCounts, part: LiveCallCounts): void {
  total.calls += part.calls;
  total.attempts += part.attempts;
  total.retried += part.retried;
  total.absent += part.absent;
  total.failed += part.failed;
  for (const [code, count] of Object.entries(part.failures_by_code))
    total.failures_by_code[code] = (total.failures_by_code[code] ?? 0) + count;
}
