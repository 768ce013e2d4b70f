import type { Model } from '../../model/model';
import { valueOf } from '../leaves';
import { listingDoubt } from './listing-doubt';
import { reverseLink } from './three-valued';

/**
 * The alarms watching each metric filter's metrics. An alarm whose metric could not be read might be one
 * of them, so a filter with no alarm found is then unknown rather than unwatched.
 */
export function linkMetricFilterAlarms(model: Model): void {
  const alarmsByMetric = new Map<string, string[]>();
  let doubt = listingDoubt(model, ['cloudwatch_alarms']);
  for (const alarm of Object.values(model.cloudwatch_alarms)) {
    const unread = [alarm.namespace, alarm.metric_name].find((leaf) => leaf.state === 'unknown');
    if (unread?.state === 'unknown') {
      doubt ??= `the metric of alarm ${alarm.id} is unknown: ${unread.reason}`;
      continue;
    }
    const key = `${valueOf(alarm.namespace)}\0${valueOf(alarm.metric_name)}`;
    alarmsByMetric.set(key, [...(alarmsByMetric.get(key) ?? []), alarm.id]);
  }
  for (const filter of Object.values(model.cloudwatch_metric_filters)) {
    if (filter.metrics.state === 'unknown') {
      filter.alarms = filter.metrics;
      continue;
    }
    const alarms = filter.metrics.value.flatMap(
      (metric) => alarmsByMetric.get(`${metric.namespace}\0${metric.name}`) ?? [],
    );
    filter.alarms = reverseLink([...new Set(alarms)], doubt);
  }
}
