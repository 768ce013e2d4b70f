import type { BackupSelection, BackupTagCondition } from '../../model/backup';
import type { Model } from '../../model/model';
import type { S3Bucket } from '../../model/s3';
import { wildcardMatcher } from '../../util/wildcard';
import { valueOf } from '../leaves';
import { parseArn } from './arn';
import { listingDoubt } from './listing-doubt';
import type { ReferenceIndex } from './reference-index';
import { allOf, anyOf, not, ReverseLinks, type Answer } from './three-valued';

/** Whether a selection selects one bucket. */
type BucketTest = (bucket: S3Bucket) => Answer;

/**
 * The backup selections covering each bucket, as AWS Backup selects: resources whose ARN matches one of
 * `resources` (wildcards allowed) or whose tags match one of `tag_conditions` (every resource when a
 * selection lists neither), that match all `conditions`, and match none of `not_resources`. A selection or
 * bucket tag that could not be read makes the answer unknown for every bucket it might cover.
 *
 * Each selection is compiled once; one that names its buckets only by ARN is asked about those buckets
 * alone, so the pass stays linear in the estate.
 */
export function linkBackupSelections(model: Model, index: ReferenceIndex): void {
  const buckets = Object.values(model.s3_buckets);
  const links = new ReverseLinks();
  for (const selection of Object.values(model.backup_selections)) {
    const { test, only } = compile(selection, index);
    const candidates = only ? [...only].map((id) => model.s3_buckets[id]) : buckets;
    for (const bucket of candidates)
      links.add(bucket.id, selection.id, test(bucket), `backup selection ${selection.id}`);
  }
  const unlisted = listingDoubt(model, ['backup_plans', 'backup_selections']);
  for (const bucket of buckets) {
    if (unlisted) links.add(bucket.id, '', { doubt: unlisted }, 'AWS Backup');
    bucket.backup_selections = links.leaf(bucket.id);
  }
}

function compile(
  selection: BackupSelection,
  index: ReferenceIndex,
): { test: BucketTest; only?: Set<string> } {
  const unread = [
    selection.resources,
    selection.not_resources,
    selection.tag_conditions,
    selection.conditions,
  ].find((leaf) => leaf.state === 'unknown');
  if (unread?.state === 'unknown') return { test: () => ({ doubt: unread.reason }) };
  const patterns = (valueOf(selection.resources) ?? []).map((pattern) => arnTest(pattern, index));
  const anyTags = (valueOf(selection.tag_conditions) ?? []).map(tagTest);
  const allTags = (valueOf(selection.conditions) ?? []).map(tagTest);
  const excluded = (valueOf(selection.not_resources) ?? []).map((pattern) => arnTest(pattern, index));
  const chosen: BucketTest =
    patterns.length === 0 && anyTags.length === 0
      ? () => true
      : (bucket) => anyOf([...patterns, ...anyTags].map((test) => test(bucket)));
  const test: BucketTest = (bucket) =>
    allOf([
      chosen(bucket),
      ...allTags.map((tag) => tag(bucket)),
      not(anyOf(excluded.map((arn) => arn(bucket)))),
    ]);
  // Named by ARN alone: only the buckets it names can be selected.
  const named = patterns.map((pattern) => pattern.names);
  if (anyTags.length === 0 && named.length > 0 && named.every((ids) => ids !== undefined))
    return { test, only: new Set(named.flatMap((ids) => [...(ids ?? [])])) };
  return { test };
}

/** A resource ARN of a selection, wildcards allowed; `names` is the one bucket a plain ARN names. */
function arnTest(pattern: string, index: ReferenceIndex): BucketTest & { names?: Set<string> } {
  if (pattern === '*') return () => true;
  if (!pattern.includes('*')) {
    const id = index.resolve(pattern, 's3_buckets');
    return Object.assign((bucket: S3Bucket) => bucket.id === id, { names: new Set(id ? [id] : []) });
  }
  const arn = parseArn(pattern);
  if (!arn || !wildcardMatcher(arn.service)('s3') || arn.resource.includes('/')) return () => false;
  if (arn.resource === '*') return () => true;
  const matches = wildcardMatcher(arn.resource);
  return (bucket) =>
    bucket.name.state === 'unknown'
      ? {
          doubt: `the name of ${bucket.id} is only known at deploy time, so whether ${pattern} selects it cannot be told`,
        }
      : matches(bucket.name.value);
}

/** Whether a bucket's tags meet one tag condition (`StringLike` patterns take `*` and `?`). */
function tagTest(condition: BackupTagCondition): BucketTest {
  const like = wildcardMatcher(condition.value, true);
  return (bucket) => {
    if (bucket.tags.state === 'unknown')
      return { doubt: `the tags of ${bucket.id} are unknown: ${bucket.tags.reason}` };
    const value = bucket.tags.value[condition.key];
    switch (condition.operator) {
      case 'StringEquals':
        return value === condition.value;
      case 'StringNotEquals':
        return value !== condition.value;
      case 'StringLike':
        return value !== undefined && like(value);
      case 'StringNotLike':
        return value === undefined || !like(value);
      default:
        return { doubt: `the tag condition operator ${condition.operator} is not one lexguard knows` };
    }
  };
}
