import type { DataEventSelector } from '../../model/cloudtrail';
import type { Model } from '../../model/model';
import type { S3Bucket } from '../../model/s3';
import type { ReferenceIndex } from './reference-index';
import { reverseLink, type Answer } from './three-valued';

/** `arn:aws:s3` and `arn:aws:s3:::` (any partition) select the objects of every bucket. */
const EVERY_BUCKET = /^arn:[^:]+:s3(:::)?$/;

/**
 * The trails recording each bucket's object-level (data) events, read and write apart. A selector covers a
 * bucket when it selects every bucket or the bucket's whole ARN (`…:::docs/`, in any of the ways a
 * template spells it); a longer prefix covers part of the bucket only. A selector with filters lexguard
 * does not model, or a trail whose selectors could not be read, makes the answer unknown.
 */
export function linkDataEventTrails(model: Model, index: ReferenceIndex): void {
  for (const bucket of Object.values(model.s3_buckets)) {
    const found = { read: [] as string[], write: [] as string[] };
    const doubt: { read?: string; write?: string } = {};
    for (const trail of Object.values(model.cloudtrail_trails)) {
      if (trail.data_events.state === 'unknown') {
        const reason = `the data events of trail ${trail.id} are unknown: ${trail.data_events.reason}`;
        doubt.read ??= reason;
        doubt.write ??= reason;
        continue;
      }
      for (const selector of trail.data_events.value) {
        if (selector.resource_type !== 'AWS::S3::Object') continue;
        const answer = selectorCovers(selector, bucket, index);
        for (const direction of ['read', 'write'] as const) {
          if (!selector[direction] || answer === false || found[direction].includes(trail.id)) continue;
          if (answer === true) found[direction].push(trail.id);
          else doubt[direction] ??= `trail ${trail.id}: ${answer.doubt}`;
        }
      }
    }
    bucket.data_event_trails = {
      read: reverseLink(found.read, doubt.read),
      write: reverseLink(found.write, doubt.write),
    };
  }
}

function selectorCovers(selector: DataEventSelector, bucket: S3Bucket, index: ReferenceIndex): Answer {
  if (selector.unresolved.length > 0)
    return {
      doubt: `a data event selector has parts lexguard cannot judge (${selector.unresolved.join(', ')})`,
    };
  return (
    selector.values.length === 0 || selector.values.some((value) => coversWholeBucket(value, bucket, index))
  );
}

function coversWholeBucket(value: string, bucket: S3Bucket, index: ReferenceIndex): boolean {
  if (EVERY_BUCKET.test(value)) return true;
  const slash = value.indexOf('/');
  if (slash >= 0 && slash < value.length - 1) return false;
  return index.resolve(slash < 0 ? value : value.slice(0, slash), 's3_buckets') === bucket.id;
}
