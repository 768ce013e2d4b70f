import type { CloudWatchMetricFilter, MetricTransformation } from '../../../model/monitoring';
import { explicit, linkTo, unknown } from '../../leaves';
import { required, type Decoder } from '../property-reader';
import { isRecord, whyUnreadable } from '../resolved-values';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/** `AWS::Logs::MetricFilter`: the log group it reads (by name), its pattern and the metrics it emits. */
export const logsMetricFilterAdapter: TemplateAdapter = {
  types: ['AWS::Logs::MetricFilter'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const pattern = props.string(['FilterPattern'], required('FilterPattern'));
    const filter: CloudWatchMetricFilter = {
      ...templateResourceBase(resource, 'cloudwatch_metric_filter', 'FilterName'),
      log_group: linkTo(props.reference(['LogGroupName'], required('LogGroupName'))),
      pattern,
      pattern_compact:
        pattern.state === 'unknown' ? pattern : explicit(pattern.value.replace(/\s+/g, ''), pattern.at),
      metrics: props.leaf(
        ['MetricTransformations'],
        asMetricTransformations,
        required('MetricTransformations'),
      ),
      // Filled in by the linking pass, once every alarm is known.
      alarms: unknown('not linked yet'),
    };
    model.cloudwatch_metric_filters[filter.id] = filter;
  },
};

const asMetricTransformations: Decoder<MetricTransformation[]> = (value) => {
  if (!Array.isArray(value)) return { error: 'is not a list' };
  const metrics: MetricTransformation[] = [];
  for (const [index, item] of value.entries()) {
    if (!isRecord(item)) return { error: whyUnreadable(item, `[${index}]`) };
    const { MetricNamespace: namespace, MetricName: name } = item;
    if (typeof namespace !== 'string')
      return { error: whyUnreadable(namespace, `[${index}].MetricNamespace`) };
    if (typeof name !== 'string') return { error: whyUnreadable(name, `[${index}].MetricName`) };
    metrics.push({ namespace, name });
  }
  return { ok: metrics };
};
