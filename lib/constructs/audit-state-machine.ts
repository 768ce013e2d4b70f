import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { MAP_RESULTS_PREFIX } from '../lambda/audit/run-layout';
import { suppress } from '../../scanner/cdk/suppress';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { auditWaiver } from './audit-waivers';
import { EncryptedLogGroup } from './encrypted-log-group';
import type { FirmKey } from './firm-key';

export interface AuditStateMachineProps {
  functions: {
    listTargets: lambda.IFunction;
    collectRegion: lambda.IFunction;
    judgeAccount: lambda.IFunction;
    finalise: lambda.IFunction;
  };
  reportsBucket: s3.IBucket;
  /** Accounts scanned at once: the Distributed Map's MaxConcurrency. */
  maxConcurrentAccounts: number;
  logs: { groupName: string; retentionDays: number; key: FirmKey };
  /** Who answers for the role's waived lexguard findings. */
  owner: string;
}

/** A run of hundreds of accounts takes hours; a run still going after this long is stopped and alarms. */
const RUN_TIMEOUT = Duration.hours(23);

/**
 * The scheduled scan as a state machine:
 *
 * ```
 * ListTargets ─► ScanAccounts (Distributed Map over the accounts listed in runs/<run>/targets.json)
 *                  └ each account: CollectRegions (Map over its regions: CollectRegion) ─► JudgeAccount
 *             ─► Finalise ─► Done
 * ```
 *
 * Nothing that fails stops the run silently. A region whose function fails (after retries) is caught and
 * the account is still judged, which records the region as not read; an account whose item fails is
 * tolerated by the map (100%) and finalise records it as not read; if listing or the map itself fails,
 * finalise still runs with the error and notifies. Steps hand each other S3 keys, never scan data, so no
 * payload nears Step Functions' 256 KiB; each account's item returns only its id.
 */
export class AuditStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: AuditStateMachineProps) {
    super(scope, id);
    const { functions } = props;
    const finalise = new tasks.LambdaInvoke(this, 'Finalise', {
      comment: 'Merge, carry forward what was not read, record the history, write the reports, notify',
      lambdaFunction: functions.finalise,
      // No payload: Lambda receives the whole state, `run`, and `error` when a step before failed
      // (FinaliseEvent). `TaskInput.fromJsonPathAt('$')` would render `"Parameters": "$"`, which is not ASL.
      payloadResponseOnly: true,
      resultPath: '$.result',
    }).addRetry({ errors: ['States.ALL'], interval: Duration.seconds(30), maxAttempts: 2, backoffRate: 2 });

    const listTargets = new tasks.LambdaInvoke(this, 'ListTargets', {
      comment:
        'The accounts (from AWS Organizations or the configured list) and regions, into runs/<run>/targets.json',
      lambdaFunction: functions.listTargets,
      payload: sfn.TaskInput.fromObject({
        executionName: sfn.JsonPath.stringAt('$$.Execution.Name'),
        startedAt: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
      }),
      payloadResponseOnly: true,
      resultPath: '$.run',
    })
      .addRetry({ errors: ['States.ALL'], interval: Duration.seconds(10), maxAttempts: 2, backoffRate: 2 })
      .addCatch(finalise, { errors: ['States.ALL'], resultPath: '$.error' });

    const collectRegion = new tasks.LambdaInvoke(this, 'CollectRegion', {
      comment: 'Read one region of the account through its read-only role, into runs/<run>/parts/',
      lambdaFunction: functions.collectRegion,
      payloadResponseOnly: true,
      resultPath: sfn.JsonPath.DISCARD,
    })
      .addRetry({ errors: ['LexguardError'], interval: Duration.seconds(10), maxAttempts: 2, backoffRate: 2 })
      .addCatch(
        new sfn.Pass(this, 'RegionNotRead', {
          comment: 'The account is judged without this region, which its report then lists as not read',
        }),
        { errors: ['States.ALL'], resultPath: sfn.JsonPath.DISCARD },
      );
    const collectRegions = new sfn.Map(this, 'CollectRegions', {
      comment: 'Every region of the account at once; the first also reads what is account-wide (IAM)',
      itemsPath: sfn.JsonPath.stringAt('$.regions'),
      itemSelector: {
        runId: sfn.JsonPath.stringAt('$.runId'),
        account: sfn.JsonPath.stringAt('$.account'),
        roleArn: sfn.JsonPath.stringAt('$.roleArn'),
        region: sfn.JsonPath.stringAt('$$.Map.Item.Value'),
        index: sfn.JsonPath.numberAt('$$.Map.Item.Index'),
      },
      resultPath: sfn.JsonPath.DISCARD,
    }).itemProcessor(collectRegion);
    const judgeAccount = new tasks.LambdaInvoke(this, 'JudgeAccount', {
      comment: "Join the account's regions, link, run every rule once, into runs/<run>/accounts/",
      lambdaFunction: functions.judgeAccount,
      payload: sfn.TaskInput.fromObject({
        runId: sfn.JsonPath.stringAt('$.runId'),
        account: sfn.JsonPath.stringAt('$.account'),
        regions: sfn.JsonPath.listAt('$.regions'),
      }),
      payloadResponseOnly: true,
      outputPath: '$.account',
    }).addRetry({
      errors: ['LexguardError'],
      interval: Duration.seconds(10),
      maxAttempts: 2,
      backoffRate: 2,
    });

    const scanAccounts = new sfn.DistributedMap(this, 'ScanAccounts', {
      comment: 'One child execution per account, up to maxConcurrentAccounts at once',
      label: 'ScanAccounts',
      itemReader: new sfn.S3JsonItemReader({
        bucketNamePath: sfn.JsonPath.stringAt('$.run.bucket'),
        key: sfn.JsonPath.stringAt('$.run.targetsKey'),
      }),
      itemSelector: {
        runId: sfn.JsonPath.stringAt('$.run.runId'),
        account: sfn.JsonPath.stringAt('$$.Map.Item.Value.account'),
        roleArn: sfn.JsonPath.stringAt('$$.Map.Item.Value.roleArn'),
        regions: sfn.JsonPath.listAt('$$.Map.Item.Value.regions'),
      },
      // The Map Run's record of every item (its input, and the error of one that failed) goes beside the
      // run's files, where finalise's notification of an account not read points.
      resultWriterV2: new sfn.ResultWriterV2({
        bucketNamePath: sfn.JsonPath.stringAt('$.run.bucket'),
        prefix: MAP_RESULTS_PREFIX,
      }),
      maxConcurrency: props.maxConcurrentAccounts,
      // An account that fails is finalise's to report (as not read), not a reason to drop the others.
      toleratedFailurePercentage: 100,
      mapExecutionType: sfn.StateMachineType.STANDARD,
      resultPath: sfn.JsonPath.DISCARD,
    })
      .itemProcessor(collectRegions.next(judgeAccount))
      .addCatch(finalise, { errors: ['States.ALL'], resultPath: '$.error' });

    const logGroup = new EncryptedLogGroup(this, 'Logs', {
      logGroupName: props.logs.groupName,
      retentionDays: props.logs.retentionDays,
      key: props.logs.key,
    }).logGroup;
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'lexguard scheduled audit scan',
      definitionBody: sfn.DefinitionBody.fromChainable(
        listTargets.next(scanAccounts).next(finalise).next(new sfn.Succeed(this, 'Done')),
      ),
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: RUN_TIMEOUT,
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    // The item reader and the result writer are given the bucket by path, so CDK grants nothing: read
    // the targets lists and write the Map Run's results, nothing else.
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadTargetLists',
        actions: ['s3:GetObject'],
        resources: [props.reportsBucket.arnForObjects('runs/*/targets.json')],
      }),
    );
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteMapRunResults',
        actions: ['s3:PutObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
        resources: [props.reportsBucket.arnForObjects(`${MAP_RESULTS_PREFIX}/*`)],
      }),
    );
    acknowledgeStateMachineGrants(this.stateMachine);
    suppress(
      this.stateMachine.role,
      auditWaiver(
        'LG-IAM-008',
        "The Distributed Map's policy names this state machine's executions by an ARN built from its own (Fn::Select of Fn::Split), which a template scan cannot resolve; its actions are states:StartExecution, DescribeExecution, StopExecution and RedriveExecution, never every action.",
        props.owner,
      ),
    );
  }
}

/**
 * What aws-cdk-lib's StateMachine writes into its role by itself, and why each is accepted: its grants go
 * into inline policies (the role's default policy, and the Distributed Map's own), and some have
 * wildcards that only name the state machine's own functions, executions and run files.
 */
function acknowledgeStateMachineGrants(stateMachine: sfn.StateMachine): void {
  acknowledgeNagRules(
    stateMachine,
    ['HIPAA.Security-IAMNoInlinePolicy', 'NIST.800.53.R5-IAMNoInlinePolicy'],
    "aws-cdk-lib's StateMachine grants its tasks, its logging, its tracing and its Distributed Map inline to its own role; every statement names this state machine's functions, executions or run files.",
  );
  acknowledgeWildcards(stateMachine, [
    {
      finding: /^Resource::<Steps[A-Za-z]+Function[0-9A-F]+\.Arn>:\*$/,
      reason:
        "LambdaInvoke grants invoking the versions and aliases of the one function of the step; the state machine invokes the function's unqualified ARN.",
    },
    {
      finding: /^Resource::\*$/,
      reason:
        'X-Ray tracing (PutTraceSegments, sampling) and CloudWatch Logs vended log delivery have no resource-level permissions.',
    },
    {
      finding: /^Resource::<.*Reports.*\.Arn>\/runs\/(\*\/targets\.json|map\/\*)$/,
      reason:
        "The Distributed Map reads the run's targets list, whose key carries the run's id made at run time, and writes its Map Run results under runs/map/; it may touch no other object.",
    },
    {
      finding: /^Resource::arn:[^:]+:states:[^:]+:[^:]+:execution:.*ScanStateMachine[0-9A-F]+.*:\*$/,
      reason:
        'The Distributed Map describes, stops and redrives the child executions it starts, which are named at run time; only executions of this state machine.',
    },
  ]);
}
