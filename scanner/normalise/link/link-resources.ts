import type { Leaf, Link } from '../../model/leaf';
import type { Model, ResourceCollection } from '../../model/model';
import type { S3Bucket } from '../../model/s3';
import { tokensIn } from '../../sources/template/resolve/tokens';
import { byDefault, explicit, unknown } from '../leaves';
import type { ReferenceIndex } from './reference-index';

/**
 * Joins what belongs together, once, before the rules run: each link's target, and the reverse links
 * rules read (a bucket's backup selections and data-event trails, a key's users, a metric filter's
 * alarms). Every rule then reads one resource and its links, which keeps evaluation linear in the estate.
 */
export function linkResources(model: Model, index: ReferenceIndex): void {
  const link = (target: Link, collection: ResourceCollection): void => {
    if (target.ref.state === 'unknown' || !target.ref.value) return;
    const id = index.resolve(target.ref.value, collection);
    if (id) target.target = id;
  };
  const linkAll = (links: Leaf<Link[]>, collection: ResourceCollection): void => {
    if (links.state !== 'unknown') links.value.forEach((item) => link(item, collection));
  };

  for (const bucket of Object.values(model.s3_buckets)) {
    link(bucket.encryption.kms_key, 'kms_keys');
    link(bucket.logging.target_bucket, 's3_buckets');
    if (bucket.replication.state !== 'unknown') {
      for (const rule of bucket.replication.value) {
        const target = rule.destination_bucket_arn
          ? index.resolve(rule.destination_bucket_arn, 's3_buckets')
          : undefined;
        if (target) {
          rule.destination_target = target;
          const region = model.s3_buckets[target].region;
          if (region.state !== 'unknown') rule.destination_region = region.value;
        }
      }
    }
  }
  for (const trail of Object.values(model.cloudtrail_trails)) {
    link(trail.kms_key, 'kms_keys');
    link(trail.bucket, 's3_buckets');
    link(trail.log_group, 'logs_log_groups');
  }
  for (const vault of Object.values(model.backup_vaults)) link(vault.kms_key, 'kms_keys');
  for (const topic of Object.values(model.sns_topics)) link(topic.kms_key, 'kms_keys');
  for (const group of Object.values(model.logs_log_groups)) link(group.kms_key, 'kms_keys');
  for (const filter of Object.values(model.cloudwatch_metric_filters))
    link(filter.log_group, 'logs_log_groups');
  for (const selection of Object.values(model.backup_selections)) link(selection.plan, 'backup_plans');
  for (const alarm of Object.values(model.cloudwatch_alarms)) linkAll(alarm.alarm_actions, 'sns_topics');
  for (const plan of Object.values(model.backup_plans)) {
    if (plan.rules.state === 'unknown') continue;
    for (const rule of plan.rules.value) {
      const target = rule.target_vault ? index.resolve(rule.target_vault, 'backup_vaults') : undefined;
      if (target) rule.target_vault_target = target;
    }
  }
  for (const principal of [
    ...Object.values(model.iam_users),
    ...Object.values(model.iam_groups),
    ...Object.values(model.iam_roles),
  ]) {
    linkAll(principal.managed_policies, 'iam_managed_policies');
    link(principal.permissions_boundary, 'iam_managed_policies');
  }
  for (const user of Object.values(model.iam_users)) linkAll(user.groups, 'iam_groups');
  for (const group of Object.values(model.iam_groups)) linkAll(group.members, 'iam_users');

  classifyBucketContents(model);
  linkKeyUsage(model);
  linkBackupSelections(model, index);
  linkDataEventTrails(model);
  linkMetricFilterAlarms(model);
}

/**
 * What each bucket holds, from what writes into it: a trail's bucket holds trail logs, the target of
 * another bucket's server access logging holds access logs (a bucket logging to itself does not make it a
 * log bucket). Retention, access logging and Object Lock rules depend on it, and so does key usage.
 */
function classifyBucketContents(model: Model): void {
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

/** Which resources encrypt with each key, by purpose, so a rule can tell documents and logs sharing a key. */
function linkKeyUsage(model: Model): void {
  const use = (keyLink: Link, user: string, purpose: keyof Model['kms_keys'][string]['used_by']): void => {
    const key = keyLink.target ? model.kms_keys[keyLink.target] : undefined;
    if (key && !key.used_by[purpose].includes(user)) key.used_by[purpose].push(user);
  };
  for (const bucket of Object.values(model.s3_buckets)) {
    use(bucket.encryption.kms_key, bucket.id, bucket.holds === 'documents' ? 'documents' : 'logs');
  }
  for (const trail of Object.values(model.cloudtrail_trails)) use(trail.kms_key, trail.id, 'logs');
  for (const group of Object.values(model.logs_log_groups)) use(group.kms_key, group.id, 'logs');
  for (const vault of Object.values(model.backup_vaults)) use(vault.kms_key, vault.id, 'backups');
  for (const topic of Object.values(model.sns_topics)) use(topic.kms_key, topic.id, 'other');
}

/**
 * The backup selections covering each bucket: by ARN (or a wildcard) or by tag condition. A selection
 * whose resources or tags could not be read makes the answer unknown for every bucket it might cover.
 */
function linkBackupSelections(model: Model, index: ReferenceIndex): void {
  for (const bucket of Object.values(model.s3_buckets)) {
    const covering: string[] = [];
    let doubt: string | undefined;
    for (const selection of Object.values(model.backup_selections)) {
      const verdict = selectionCovers(selection, bucket, index);
      if (verdict === true) covering.push(selection.id);
      else if (verdict !== false) doubt ??= verdict;
    }
    bucket.backup_selections =
      covering.length > 0 || !doubt
        ? covering.length > 0
          ? explicit(covering)
          : byDefault([])
        : unknown(doubt);
  }
}

/** `true`, `false`, or the reason it cannot be told. */
function selectionCovers(
  selection: Model['backup_selections'][string],
  bucket: S3Bucket,
  index: ReferenceIndex,
): boolean | string {
  if (selection.resources.state === 'unknown')
    return `backup selection ${selection.id}: ${selection.resources.reason}`;
  for (const resource of selection.resources.value) {
    if (resource === '*' || resource === 'arn:aws:s3:::*') return true;
    if (index.resolve(resource, 's3_buckets') === bucket.id) return true;
    if (mentions(resource, bucket)) return true;
  }
  if (selection.tag_conditions.state === 'unknown') {
    return `backup selection ${selection.id}: ${selection.tag_conditions.reason}`;
  }
  const conditions = selection.tag_conditions.value;
  if (conditions.length === 0) return false;
  if (bucket.tags.state === 'unknown') return `the tags of ${bucket.id} are unknown: ${bucket.tags.reason}`;
  const tags = bucket.tags.value;
  return conditions.some((condition) => tags[condition.key] === condition.value);
}

/** Whether a template string (an ARN built with `Fn::Join`/`Fn::Sub`) mentions the bucket's logical id. */
function mentions(value: string, bucket: S3Bucket): boolean {
  if (bucket.source.kind !== 'template') return false;
  const logicalId = bucket.source.logical_id;
  return tokensIn(value).some((token) => token.logicalId === logicalId);
}

/** The trails recording each bucket's object-level read and write events. */
function linkDataEventTrails(model: Model): void {
  for (const bucket of Object.values(model.s3_buckets)) {
    const read: string[] = [];
    const write: string[] = [];
    let doubt: string | undefined;
    for (const trail of Object.values(model.cloudtrail_trails)) {
      if (trail.data_events.state === 'unknown') {
        doubt ??= `the data events of trail ${trail.id} are unknown: ${trail.data_events.reason}`;
        continue;
      }
      for (const selector of trail.data_events.value) {
        if (selector.resource_type !== 'AWS::S3::Object') continue;
        if (selector.unresolved.length > 0)
          doubt ??= `a data event selector of trail ${trail.id} could not be resolved`;
        if (!selector.values.some((value) => coversBucket(value, bucket))) continue;
        if (selector.read && !read.includes(trail.id)) read.push(trail.id);
        if (selector.write && !write.includes(trail.id)) write.push(trail.id);
      }
    }
    const leaf = (ids: string[]): Leaf<string[]> =>
      ids.length > 0 ? explicit(ids) : doubt ? unknown(doubt) : byDefault<string[]>([]);
    bucket.data_event_trails = { read: leaf(read), write: leaf(write) };
  }
}

function coversBucket(value: string, bucket: S3Bucket): boolean {
  if (value === 'arn:aws:s3' || value === 'arn:aws:s3:::' || value === 'arn:aws:s3:::*') return true;
  if (mentions(value, bucket)) return true;
  const name = bucket.name.state !== 'unknown' ? bucket.name.value : undefined;
  return (
    name !== undefined && (value === `arn:aws:s3:::${name}` || value.startsWith(`arn:aws:s3:::${name}/`))
  );
}

/** The alarms watching each metric filter's metrics. */
function linkMetricFilterAlarms(model: Model): void {
  const alarmsByMetric = new Map<string, string[]>();
  for (const alarm of Object.values(model.cloudwatch_alarms)) {
    if (alarm.namespace.state === 'unknown' || alarm.metric_name.state === 'unknown') continue;
    const key = `${alarm.namespace.value}\0${alarm.metric_name.value}`;
    alarmsByMetric.set(key, [...(alarmsByMetric.get(key) ?? []), alarm.id]);
  }
  for (const filter of Object.values(model.cloudwatch_metric_filters)) {
    if (filter.metrics.state === 'unknown') continue;
    const alarms = filter.metrics.value.flatMap(
      (metric) => alarmsByMetric.get(`${metric.namespace}\0${metric.name}`) ?? [],
    );
    filter.alarms = alarms.length > 0 ? explicit(alarms) : byDefault<string[]>([]);
  }
}
