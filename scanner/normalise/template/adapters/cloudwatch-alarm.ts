import type { CloudWatchAlarm } from '../../../model/monitoring';
import { unknown } from '../../leaves';
import type { PropertyReader } from '../property-reader';
import { isRecord } from '../resolved-values';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/**
 * `AWS::CloudWatch::Alarm`: the one metric it watches (`Namespace`/`MetricName`, or the single metric of
 * a `Metrics` list) and the SNS topics its actions notify. Actions are enabled unless `ActionsEnabled`
 * says otherwise.
 */
export const cloudwatchAlarmAdapter: TemplateAdapter = {
  types: ['AWS::CloudWatch::Alarm'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const alarm: CloudWatchAlarm = {
      ...templateResourceBase(resource, 'cloudwatch_alarm', 'AlarmName'),
      ...watchedMetric(props),
      actions_enabled: props.boolean(['ActionsEnabled'], { default: true }),
      alarm_actions: props.links(['AlarmActions']),
    };
    model.cloudwatch_alarms[alarm.id] = alarm;
  },
};

type WatchedMetric = Pick<CloudWatchAlarm, 'namespace' | 'metric_name'>;

function watchedMetric(props: PropertyReader): WatchedMetric {
  if (props.get(['Namespace']) !== undefined || props.get(['MetricName']) !== undefined) {
    const missing = { unknown: 'the alarm sets only one of Namespace and MetricName' };
    return {
      namespace: props.string(['Namespace'], missing),
      metric_name: props.string(['MetricName'], missing),
    };
  }
  const metrics = props.get(['Metrics']);
  if (!Array.isArray(metrics)) {
    const why = unknown('the alarm names no metric (neither MetricName nor Metrics)', props.at(['Metrics']));
    return { namespace: why, metric_name: why };
  }
  const watched = metrics.flatMap((item, index) =>
    isRecord(item) && item.MetricStat !== undefined ? [index] : [],
  );
  if (watched.length !== 1) {
    const why = unknown(
      `the alarm computes over ${watched.length} metrics with metric math; lexguard links alarms that watch one metric`,
      props.at(['Metrics']),
    );
    return { namespace: why, metric_name: why };
  }
  const metric = ['Metrics', watched[0], 'MetricStat', 'Metric'] as const;
  const missing = { unknown: 'the alarm metric has no Namespace or MetricName' };
  return {
    namespace: props.string([...metric, 'Namespace'], missing),
    metric_name: props.string([...metric, 'MetricName'], missing),
  };
}
