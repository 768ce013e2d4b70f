import type { Leaf, Link } from '../../model/leaf';
import type { Model, ResourceCollection } from '../../model/model';
import { valueOf } from '../leaves';
import { linkAccountTrails } from './account-trails';
import { linkBackupSelections } from './backup-coverage';
import { classifyBucketContents } from './bucket-contents';
import { linkDataEventTrails } from './data-event-coverage';
import { linkGroupMembers } from './group-members';
import { linkKeyUsage } from './key-usage';
import { linkLogGroupFilters } from './log-group-filters';
import { linkMetricFilterAlarms } from './metric-filter-alarms';
import type { ReferenceIndex } from './reference-index';

/**
 * Joins what belongs together, once, before the rules run: each link's target, and the reverse links
 * rules read (what a bucket holds, a bucket's backup selections and data-event trails, a key's users, a
 * metric filter's alarms, a log group's metric filters, an account's trails, a group's members). Every rule then reads one resource and its links, which keeps evaluation
 * linear in the estate.
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
          rule.destination_region = valueOf(model.s3_buckets[target].region) ?? rule.destination_region;
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
      for (const copy of rule.copy_actions) {
        // A copy to a vault of the same template goes to the stack's region.
        const vault = copy.destination_vault_arn
          ? index.resolve(copy.destination_vault_arn, 'backup_vaults')
          : undefined;
        if (vault) copy.destination_region ??= valueOf(model.backup_vaults[vault].region) ?? null;
      }
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

  linkGroupMembers(model);
  classifyBucketContents(model);
  linkKeyUsage(model);
  linkBackupSelections(model, index);
  linkDataEventTrails(model, index);
  linkMetricFilterAlarms(model);
  linkLogGroupFilters(model);
  linkAccountTrails(model);
}
