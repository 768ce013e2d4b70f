import type { DataEventSelector } from '../../model/cloudtrail';
import type { Model } from '../../model/model';
import type { ReferenceIndex } from './reference-index';
import { listingDoubt } from './listing-doubt';
import { ReverseLinks, type Answer } from './three-valued';

/** `arn:aws:s3` and `arn:aws:s3:::` (any partition) select the objects of every bucket. */
const EVERY_BUCKET = /^arn:[^:]+:s3(:::)?$/;

/**
 * The trails recording each bucket's object-level (data) events, read and write apart. A selector covers a
 * bucket when it selects every bucket or the bucket's whole ARN (`…:::docs/`, in any of the ways a
 * template spells it); a longer prefix covers part of the bucket only. A selector with filters lexguard
 * does not model, or a trail whose selectors could not be read, makes the answer unknown.
 *
 * Each selector is resolved once; one that names buckets is asked about those buckets alone.
 */
export function linkDataEventTrails(model: Model, index: ReferenceIndex): void {
  const buckets = Object.values(model.s3_buckets);
  const links = { read: new ReverseLinks(), write: new ReverseLinks() };
  const record = (
    ids: Iterable<string>,
    trail: string,
    answer: Answer,
    directions: Array<'read' | 'write'>,
  ): void => {
    for (const id of ids)
      for (const direction of directions) links[direction].add(id, trail, answer, `trail ${trail}`);
  };
  const everyId = buckets.map((bucket) => bucket.id);
  for (const trail of Object.values(model.cloudtrail_trails)) {
    if (trail.data_events.state === 'unknown') {
      const doubt = { doubt: `its data events are unknown: ${trail.data_events.reason}` };
      record(everyId, trail.id, doubt, ['read', 'write']);
      continue;
    }
    for (const selector of trail.data_events.value) {
      if (selector.resource_type !== 'AWS::S3::Object') continue;
      const directions = (['read', 'write'] as const).filter((direction) => selector[direction]);
      const covered = coveredBuckets(selector, index);
      if (covered === 'every') record(everyId, trail.id, true, directions);
      else if ('doubt' in covered) record(everyId, trail.id, covered, directions);
      else record(covered.ids, trail.id, true, directions);
    }
  }
  const unlisted = listingDoubt(model, ['cloudtrail_trails']);
  if (unlisted) record(everyId, '', { doubt: unlisted }, ['read', 'write']);
  for (const bucket of buckets)
    bucket.data_event_trails = { read: links.read.leaf(bucket.id), write: links.write.leaf(bucket.id) };
}

/** The buckets a selector covers whole: every bucket, some, or a doubt about all of them. */
function coveredBuckets(
  selector: DataEventSelector,
  index: ReferenceIndex,
): 'every' | { ids: Set<string> } | { doubt: string } {
  if (selector.unresolved.length > 0)
    return {
      doubt: `a data event selector has parts lexguard cannot judge (${selector.unresolved.join(', ')})`,
    };
  if (selector.values.length === 0 || selector.values.some((value) => EVERY_BUCKET.test(value)))
    return 'every';
  const ids = new Set<string>();
  for (const value of selector.values) {
    const slash = keyStart(value);
    // A prefix within the bucket (`docs/clients/`) covers part of it, not the bucket.
    if (slash >= 0 && slash < value.length - 1) continue;
    const id = index.resolve(slash < 0 ? value : value.slice(0, slash), 's3_buckets');
    if (id) ids.add(id);
  }
  return { ids };
}

/**
 * Where the object key begins in a selector value: its first `/` outside a token. A token of a cloud
 * assembly names its stack (`{{lexguard:Storage/Docs.Arn}}/`), and that `/` is not the key's.
 */
function keyStart(value: string): number {
  for (let i = 0; i < value.length; i++) {
    if (value.startsWith('{{', i)) {
      const end = value.indexOf('}}', i);
      if (end < 0) return -1;
      i = end + 1;
    } else if (value[i] === '/') return i;
  }
  return -1;
}
