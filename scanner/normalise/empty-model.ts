import type { Model, ScanContext } from '../model/model';
import type { RuleConfig } from '../model/rule-config';

/** A model with no resources, ready for a source's normaliser to fill. */
export function emptyModel(scan: ScanContext, config: RuleConfig): Model {
  return {
    schema_version: 1,
    scan,
    config,
    accounts: {},
    s3_buckets: {},
    kms_keys: {},
    cloudtrail_trails: {},
    iam_users: {},
    iam_groups: {},
    iam_roles: {},
    iam_managed_policies: {},
    backup_vaults: {},
    backup_plans: {},
    backup_selections: {},
    cloudwatch_metric_filters: {},
    cloudwatch_alarms: {},
    sns_topics: {},
    logs_log_groups: {},
    attestations: {},
  };
}
