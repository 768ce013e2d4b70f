import type { Model, ResourceCollection } from '../../model/model';

/**
 * Why a reverse link through `collections` cannot say "none", when a live listing of one of them failed in
 * some account (`account.listed`); `undefined` when every listing was complete (or the model came from a
 * template, which lists everything it holds). A denied `cloudwatch:DescribeAlarms` must make "no alarm
 * watches this filter" unknown, not true: otherwise a fault would turn into a FAIL (or a PASS). The doubt
 * applies to every account's resources, which errs towards UNKNOWN when several accounts are scanned.
 */
export function listingDoubt(model: Model, collections: readonly ResourceCollection[]): string | undefined {
  for (const account of Object.values(model.accounts)) {
    for (const collection of collections) {
      const listed = account.listed?.[collection];
      if (listed?.state === 'unknown')
        return `the ${collection} of account ${account.id} could not be listed: ${listed.reason}`;
    }
  }
  return undefined;
}
