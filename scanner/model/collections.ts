import type { ResourceCollection } from './model';
import type { ResourceKind } from './resource';

/** The model collection that holds each kind of resource. */
export const COLLECTION_OF_KIND: Record<ResourceKind, ResourceCollection> = {
  account: 'accounts',
  s3_bucket: 's3_buckets',
  kms_key: 'kms_keys',
  cloudtrail_trail: 'cloudtrail_trails',
  iam_user: 'iam_users',
  iam_group: 'iam_groups',
  iam_role: 'iam_roles',
  iam_managed_policy: 'iam_managed_policies',
  backup_vault: 'backup_vaults',
  backup_plan: 'backup_plans',
  backup_selection: 'backup_selections',
  cloudwatch_metric_filter: 'cloudwatch_metric_filters',
  cloudwatch_alarm: 'cloudwatch_alarms',
  sns_topic: 'sns_topics',
  logs_log_group: 'logs_log_groups',
};

export const RESOURCE_COLLECTIONS: readonly ResourceCollection[] = Object.values(COLLECTION_OF_KIND);
export const RESOURCE_KINDS = Object.keys(COLLECTION_OF_KIND) as ResourceKind[];
