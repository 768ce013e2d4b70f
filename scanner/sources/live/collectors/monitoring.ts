import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
} from '@aws-sdk/client-sns';
import type {
  CloudWatchAlarm,
  CloudWatchMetricFilter,
  LogsLogGroup,
  SnsTopic,
} from '../../../model/monitoring';
import { explicit, linkTo, unknown } from '../../../normalise/leaves';
import { leafFrom } from '../../../normalise/live/live-leaf';
import { liveResourceBase, tagMap } from '../../../normalise/live/live-resource';
import { listAll, type CollectContext } from '../collect-context';

/** CloudWatch Logs groups and metric filters, CloudWatch alarms and SNS topics of one region. */
export async function collectMonitoring(context: CollectContext, region: string): Promise<void> {
  await Promise.all([
    collectLogGroups(context, region),
    collectMetricFilters(context, region),
    collectAlarms(context, region),
    collectTopics(context, region),
  ]);
}

/** Log group ARNs as trails name them end in `:*`; the model keys them without it. */
export function logGroupArn(region: string, account: string, name: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${name}`;
}

const NO_TAGS_READ = 'lexguard does not read the tags of this kind of resource';

async function collectLogGroups(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const logs = scope.clients.logs(region);
  const groups = await listAll(
    caller,
    'logs:DescribeLogGroups',
    (nextToken, s) => logs.send(new DescribeLogGroupsCommand({ nextToken }), { abortSignal: s }),
    (output) => ({ items: output.logGroups, next: output.nextToken }),
  );
  context.listing.record('logs_log_groups', groups.failure ?? groups.results[0], region);
  const at = { call: 'logs:DescribeLogGroups' };
  for (const group of groups.items) {
    if (!group.logGroupName) continue;
    const arn = logGroupArn(region, scope.account, group.logGroupName);
    const model: LogsLogGroup = {
      ...liveResourceBase(
        'logs_log_group',
        { arn, name: group.logGroupName, account: scope.account, region },
        unknown(NO_TAGS_READ),
        [groups.results[0].evidence],
        at.call,
      ),
      kms_key: linkTo(explicit(group.kmsKeyId ?? null, at)),
      retention_days: explicit(group.retentionInDays ?? null, at),
      // Filled in by the linking pass, once every metric filter is known.
      metric_filters: unknown('not linked yet'),
    };
    context.model.logs_log_groups[model.id] = model;
  }
}

async function collectMetricFilters(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const logs = scope.clients.logs(region);
  const filters = await listAll(
    caller,
    'logs:DescribeMetricFilters',
    (nextToken, s) => logs.send(new DescribeMetricFiltersCommand({ nextToken }), { abortSignal: s }),
    (output) => ({ items: output.metricFilters, next: output.nextToken }),
  );
  context.listing.record('cloudwatch_metric_filters', filters.failure ?? filters.results[0], region);
  const at = { call: 'logs:DescribeMetricFilters' };
  for (const filter of filters.items) {
    if (!filter.filterName || !filter.logGroupName) continue;
    const groupArn = logGroupArn(region, scope.account, filter.logGroupName);
    const arn = `${groupArn}:metric-filter:${filter.filterName}`;
    const pattern = filter.filterPattern ?? '';
    const model: CloudWatchMetricFilter = {
      // Metric filters carry no tags.
      ...liveResourceBase(
        'cloudwatch_metric_filter',
        { arn, name: filter.filterName, account: scope.account, region },
        explicit({}),
        [filters.results[0].evidence],
        at.call,
      ),
      log_group: linkTo(explicit(groupArn, at)),
      pattern: explicit(pattern, at),
      pattern_compact: explicit(pattern.replace(/\s+/g, ''), at),
      metrics: explicit(
        (filter.metricTransformations ?? []).map((metric) => ({
          namespace: metric.metricNamespace ?? '',
          name: metric.metricName ?? '',
        })),
        at,
      ),
      alarms: unknown('not linked yet'),
    };
    context.model.cloudwatch_metric_filters[model.id] = model;
  }
}

async function collectAlarms(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const cloudwatch = scope.clients.cloudwatch(region);
  const alarms = await listAll(
    caller,
    'cloudwatch:DescribeAlarms',
    (NextToken, s) => cloudwatch.send(new DescribeAlarmsCommand({ NextToken }), { abortSignal: s }),
    (output) => ({ items: output.MetricAlarms, next: output.NextToken }),
  );
  context.listing.record('cloudwatch_alarms', alarms.failure ?? alarms.results[0], region);
  const at = { call: 'cloudwatch:DescribeAlarms' };
  for (const alarm of alarms.items) {
    if (!alarm.AlarmArn || !alarm.AlarmName) continue;
    const model: CloudWatchAlarm = {
      ...liveResourceBase(
        'cloudwatch_alarm',
        { arn: alarm.AlarmArn, name: alarm.AlarmName, account: scope.account, region },
        unknown(NO_TAGS_READ),
        [alarms.results[0].evidence],
        at.call,
      ),
      namespace: explicit(alarm.Namespace ?? null, at),
      metric_name: explicit(alarm.MetricName ?? null, at),
      actions_enabled: explicit(alarm.ActionsEnabled !== false, at),
      alarm_actions: explicit(
        (alarm.AlarmActions ?? []).map((action) => linkTo(explicit(action, at))),
        at,
      ),
    };
    context.model.cloudwatch_alarms[model.id] = model;
  }
}

async function collectTopics(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const sns = scope.clients.sns(region);
  const topics = await listAll(
    caller,
    'sns:ListTopics',
    (NextToken, s) => sns.send(new ListTopicsCommand({ NextToken }), { abortSignal: s }),
    (output) => ({ items: output.Topics, next: output.NextToken }),
  );
  context.listing.record('sns_topics', topics.failure ?? topics.results[0], region);
  await Promise.all(
    topics.items.map(async (topic) => {
      const TopicArn = topic.TopicArn;
      if (!TopicArn) return;
      const [attributes, tags] = await Promise.all([
        caller.send('sns:GetTopicAttributes', (s) =>
          sns.send(new GetTopicAttributesCommand({ TopicArn }), { abortSignal: s }),
        ),
        caller.send('sns:ListTagsForResource', (s) =>
          sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }), { abortSignal: s }),
        ),
      ]);
      const model: SnsTopic = {
        ...liveResourceBase(
          'sns_topic',
          { arn: TopicArn, name: TopicArn.split(':').pop() ?? TopicArn, account: scope.account, region },
          leafFrom(tags, (output) => tagMap(output.Tags)),
          [attributes.evidence, tags.evidence],
          'sns:ListTopics',
        ),
        kms_key: linkTo(leafFrom(attributes, (output) => output.Attributes?.KmsMasterKeyId || null)),
      };
      context.model.sns_topics[model.id] = model;
    }),
  );
}
