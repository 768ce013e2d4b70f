import type { Model } from '../../model/model';

/**
 * What each bucket holds, from what writes into it: a trail's bucket holds trail logs, the target of
 * another bucket's server access logging holds access logs (a bucket logging to itself does not make it a
 * log bucket), any other bucket holds documents. Retention, access-logging and Object Lock rules depend on
 * it, and so does key usage.
 */
export function classifyBucketContents(model: Model): void {
  const trailBuckets = new Set<string>();
  for (const trail of Object.values(model.cloudtrail_trails))
    if (trail.bucket.target) trailBuckets.add(trail.bucket.target);
  const accessLogBuckets = new Set<string>();
  for (const bucket of Object.values(model.s3_buckets)) {
    const target = bucket.logging.target_bucket.target;
    if (target && target !== bucket.id) accessLogBuckets.add(target);
  }
  for (const bucket of Object.values(model.s3_buckets)) {
    bucket.holds = accessLogBuckets.has(bucket.id)
      ? 'access_logs'
      : trailBuckets.has(bucket.id)
        ? 'trail_logs'
        : 'documents';
  }
}
