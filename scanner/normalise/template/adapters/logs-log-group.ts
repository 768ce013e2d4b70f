import type { LogsLogGroup } from '../../../model/monitoring';
import { linkTo, unknown } from '../../leaves';
import { asNumber } from '../property-reader';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/**
 * `AWS::Logs::LogGroup`. Without `KmsKeyId` CloudWatch Logs encrypts with its own key; without
 * `RetentionInDays` events are kept forever.
 */
export const logsLogGroupAdapter: TemplateAdapter = {
  types: ['AWS::Logs::LogGroup'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const group: LogsLogGroup = {
      ...templateResourceBase(resource, 'logs_log_group', 'LogGroupName'),
      kms_key: linkTo(props.reference(['KmsKeyId'], { default: null })),
      retention_days: props.leaf<number | null>(['RetentionInDays'], asNumber, { default: null }),
      // Filled in by the linking pass, once every metric filter is known.
      metric_filters: unknown('not linked yet'),
    };
    model.logs_log_groups[group.id] = group;
  },
};
