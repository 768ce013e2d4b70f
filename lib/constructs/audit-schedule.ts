import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';

export interface AuditScheduleProps {
  stateMachine: sfn.IStateMachine;
  /** A schedule group of its own, so that its metrics (failed and dropped starts) are the audit's alone. */
  groupName: string;
  /** An EventBridge Scheduler `cron(...)` or `rate(...)` expression. */
  expression: string;
  /** The IANA time zone a cron expression is read in. */
  timeZone: string;
  description: string;
}

/**
 * EventBridge Scheduler starting the scan's state machine (CP-14: audits run periodically, not when someone
 * remembers). The schedule has a role of its own, below this construct, that the scheduler service may
 * assume only on behalf of this account and that may only start this state machine.
 */
export class AuditSchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly group: scheduler.ScheduleGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AuditScheduleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      description: 'lexguard scheduled audit scan: starts the scan state machine on schedule',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    this.group = new scheduler.ScheduleGroup(this, 'Group', { scheduleGroupName: props.groupName });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: props.description,
      scheduleGroup: this.group,
      schedule: scheduler.ScheduleExpression.expression(props.expression, TimeZone.of(props.timeZone)),
      target: new targets.StepFunctionsStartExecution(props.stateMachine, {
        role: this.role,
        input: scheduler.ScheduleTargetInput.fromObject({}),
        retryAttempts: 3,
        // A start delayed by more than an hour (a Step Functions outage) is dropped, not run at noon;
        // the next night's scan still runs, and the ScanNotStarted alarm tells of the one dropped.
        maxEventAge: Duration.hours(1),
      }),
    });
    // The schedule names its group by the name fixed above, which CloudFormation does not see as a
    // reference: without this it may create the schedule before the group, and fail.
    this.schedule.node.addDependency(this.group);
    acknowledgeNagRules(
      this.role,
      ['HIPAA.Security-IAMNoInlinePolicy', 'NIST.800.53.R5-IAMNoInlinePolicy'],
      "aws-cdk-lib's scheduler target grants states:StartExecution on the one state machine inline to the schedule's own role.",
    );
  }
}
