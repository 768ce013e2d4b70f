import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { SecurityEvent } from './security-events';

export interface SecurityAlarmsProps {
  /** The log group the trail delivers to. */
  logGroup: logs.ILogGroup;
  topic: sns.ITopic;
  /** CloudWatch namespace of the event counts. */
  namespace: string;
  events: SecurityEvent[];
}

/** For each suspicious event (CP-09): a metric filter counting it and an alarm on the first occurrence. */
export class SecurityAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    const notify = new actions.SnsAction(props.topic);
    for (const event of props.events) {
      const filter = new logs.MetricFilter(this, `${event.id}Filter`, {
        logGroup: props.logGroup,
        filterPattern: logs.FilterPattern.literal(event.pattern),
        metricNamespace: props.namespace,
        metricName: event.id,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(this, `${event.id}Alarm`, {
        alarmDescription: `${event.description} (CP-09)`,
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
      this.alarms.push(alarm);
    }
  }
}
