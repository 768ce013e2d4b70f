import type { Leaf, Link } from './leaf';
import type { ResourceBase } from './resource';

export interface CloudWatchMetricFilter extends ResourceBase<'cloudwatch_metric_filter'> {
  log_group: Link;
  pattern: Leaf<string>;
  /** The pattern with all white space removed, so rules compare patterns without caring for spacing. */
  pattern_compact: Leaf<string>;
  metrics: Leaf<MetricTransformation[]>;
  /** Made by the normaliser: alarms (model ids) that watch a metric this filter emits. */
  alarms: Leaf<string[]>;
}

export interface MetricTransformation {
  namespace: string;
  name: string;
}

export interface CloudWatchAlarm extends ResourceBase<'cloudwatch_alarm'> {
  namespace: Leaf<string | null>;
  metric_name: Leaf<string | null>;
  actions_enabled: Leaf<boolean>;
  /** Alarm actions; a `target` is the model id of an SNS topic when the action notifies one in scope. */
  alarm_actions: Leaf<Link[]>;
}

export interface SnsTopic extends ResourceBase<'sns_topic'> {
  /** `ref` is `null` when the topic is not encrypted. */
  kms_key: Link;
}

export interface LogsLogGroup extends ResourceBase<'logs_log_group'> {
  /** `ref` is `null` when the group uses CloudWatch Logs' own encryption only. */
  kms_key: Link;
  /** Retention in days; `null` when events never expire. */
  retention_days: Leaf<number | null>;
  /** Made by the normaliser: the metric filters (model ids) that read this log group. */
  metric_filters: Leaf<string[]>;
}
