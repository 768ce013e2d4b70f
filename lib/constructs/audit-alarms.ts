import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface AuditAlarmsProps {
  stateMachine: sfn.StateMachine;
  scheduleGroup: scheduler.IScheduleGroup;
  topic: sns.ITopic;
}

/**
 * CP-14 asks that audits happen, not that they were planned: a scheduled scan that did not start, or
 * started and did not finish its report, is told on the same topic as new critical findings. What the
 * scan itself could not read is finalise's to tell.
 */
export class AuditAlarms extends Construct {
  readonly notStarted: cloudwatch.Alarm;
  readonly notFinished: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: AuditAlarmsProps) {
    super(scope, id);
    const { stateMachine, scheduleGroup } = props;
    const period = Duration.minutes(5);
    this.notStarted = this.alarm(
      'ScanNotStarted',
      'The schedule could not start a lexguard audit scan (the start failed or was dropped): no scan ran',
      new cloudwatch.MathExpression({
        label: 'scheduled starts failed or dropped',
        expression: 'errors + dropped',
        usingMetrics: {
          errors: scheduleGroup.metricTargetErrors({ period }),
          dropped: scheduleGroup.metricDropped({ period }),
        },
        period,
      }),
      props.topic,
    );
    this.notFinished = this.alarm(
      'ScanNotFinished',
      'A scheduled lexguard audit scan failed, timed out or was stopped: no report was made',
      new cloudwatch.MathExpression({
        label: 'scan runs not finished',
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: stateMachine.metricFailed({ period }),
          timedOut: stateMachine.metricTimedOut({ period }),
          aborted: stateMachine.metricAborted({ period }),
        },
        period,
      }),
      props.topic,
    );
  }

  private alarm(
    id: string,
    description: string,
    metric: cloudwatch.IMetric,
    topic: sns.ITopic,
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No start attempted and no run ended in the period is not a fault: the schedule is nightly.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    return alarm;
  }
}
