import { Match, type Template } from 'aws-cdk-lib/assertions';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  CollectRegionEvent,
  FinaliseEvent,
  JudgeAccountEvent,
  ListTargetsEvent,
  RunRef,
  ScanTarget,
} from '../../../lib/lambda/audit/run-layout';
import { loadAuditConfig } from '../../../lib/lambda/audit/audit-config';
import { AUDIT_ENV, regionsFromEnv, targetSelectionFromEnv } from '../../../lib/lambda/audit/environment';
import { buildAudit, type BuiltAudit } from '../../_helpers/audit-app';
import { ROOT } from '../../_helpers/paths';
import {
  arnOf,
  keyByAlias,
  resourceAt,
  resourcesOf,
  statementsOf,
  type CfnResource,
} from '../../_helpers/template-queries';

const STACK = 'ExampleLlpAuditScanner';

/** Every key of T, sorted: the compiler refuses a list that misses or invents one. */
function keysOf<T>(keys: Record<keyof T, true>): string[] {
  return Object.keys(keys).sort();
}

let built: BuiltAudit;
let template: Template;

beforeAll(() => {
  built = buildAudit();
  template = built.template(STACK);
});

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  Parameters?: unknown;
  Catch?: Array<{ ErrorEquals: string[]; Next: string; ResultPath?: string | null }>;
  ItemProcessor?: {
    ProcessorConfig: Record<string, string>;
    StartAt: string;
    States: Record<string, AslState>;
  };
  ItemReader?: { Resource: string; ReaderConfig: Record<string, string>; Parameters: Record<string, string> };
  ResultWriter?: { Resource: string; Parameters: Record<string, string> };
  ItemSelector?: Record<string, string>;
  ItemsPath?: string;
  MaxConcurrency?: number;
  ToleratedFailurePercentage?: number;
}

/**
 * The state machine's definition as Amazon States Language: CDK writes it as an `Fn::Join` of text and
 * references, here replaced by `<LogicalId>` (a `Ref`) or `<LogicalId.Attr>` (a `Fn::GetAtt`).
 */
function definitionOf(machine: CfnResource): { StartAt: string; States: Record<string, AslState> } {
  const join = (machine.Properties?.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = join
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      const getAtt = (part as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt'];
      return ref ? `<${ref}>` : `<${(getAtt ?? []).join('.')}>`;
    })
    .join('');
  return JSON.parse(text) as { StartAt: string; States: Record<string, AslState> };
}

const functionId = (handler: string): string => {
  const found = Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).find(
    ([, fn]) => fn.Properties?.Handler === `${handler}.handler`,
  );
  if (!found) throw new Error(`no function for ${handler}`);
  return found[0];
};

describe('the schedule (CP-14: audits run periodically)', () => {
  it('starts the scan state machine at the configured time, through a role that may do nothing else', () => {
    const [machineId] = resourceAt(template, 'AWS::StepFunctions::StateMachine', '/Scan/StateMachine/');
    const [, schedule] = resourceAt(template, 'AWS::Scheduler::Schedule', '/Schedule/Schedule/');
    const [roleId, role] = resourceAt(template, 'AWS::IAM::Role', '/Schedule/Role/');
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'ENABLED',
      Target: { Arn: { Ref: machineId }, RoleArn: arnOf(roleId) },
    });
    expect(statementsOf(role.Properties?.AssumeRolePolicyDocument)).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
      },
    ]);
    const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties?.Roles).includes(roleId),
    );
    expect(policies.flatMap((policy) => statementsOf(policy.Properties?.PolicyDocument))).toEqual([
      { Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: machineId } },
    ]);
  });
});

describe('the state machine', () => {
  let states: Record<string, AslState>;
  beforeAll(() => {
    const [, machine] = resourceAt(template, 'AWS::StepFunctions::StateMachine', '/Scan/StateMachine/');
    const definition = definitionOf(machine);
    expect(definition.StartAt).toBe('ListTargets');
    states = definition.States;
  });

  it('lists the targets, scans the accounts, then always finalises, even when a step before failed', () => {
    expect(states.ListTargets).toMatchObject({
      Next: 'ScanAccounts',
      Resource: `<${functionId('list-targets')}.Arn>`,
    });
    expect(states.ScanAccounts.Next).toBe('Finalise');
    for (const step of [states.ListTargets, states.ScanAccounts]) {
      expect(step.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Finalise' }]);
    }
    // Finalise gets the whole state (`run`, `error`): no Parameters, which would replace it.
    expect(states.Finalise).toMatchObject({ Resource: `<${functionId('finalise')}.Arn>`, Next: 'Done' });
    expect(states.Finalise.Parameters).toBeUndefined();
  });

  it('fans out over the accounts with a Distributed Map reading the run’s targets list from S3, at most 10 at once', () => {
    const map = states.ScanAccounts;
    expect(map).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 10,
      ToleratedFailurePercentage: 100,
      ItemReader: {
        Resource: 'arn:<AWS::Partition>:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { 'Bucket.$': '$.run.bucket', 'Key.$': '$.run.targetsKey' },
      },
      ItemSelector: {
        'runId.$': '$.run.runId',
        'account.$': '$$.Map.Item.Value.account',
        'roleArn.$': '$$.Map.Item.Value.roleArn',
        'regions.$': '$$.Map.Item.Value.regions',
      },
    });
    expect(map.ItemProcessor?.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    // Each item's outcome, failures with their error, is kept where finalise's notification points.
    expect(map.ResultWriter).toEqual({
      Resource: 'arn:<AWS::Partition>:states:::s3:putObject',
      Parameters: { 'Bucket.$': '$.run.bucket', Prefix: 'runs/map' },
    });
    const account = map.ItemProcessor?.States ?? {};
    expect(map.ItemProcessor?.StartAt).toBe('CollectRegions');
    expect(account.CollectRegions).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.regions',
      Next: 'JudgeAccount',
    });
    const region = account.CollectRegions.ItemProcessor?.States ?? {};
    expect(region.CollectRegion.Resource).toBe(`<${functionId('collect-region')}.Arn>`);
    // A region that cannot be read does not stop its account from being judged.
    expect(region.CollectRegion.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'RegionNotRead' },
    ]);
    expect(account.JudgeAccount).toMatchObject({
      End: true,
      Resource: `<${functionId('judge-account')}.Arn>`,
    });
  });

  it('hands each function exactly the event its handler reads, from values the steps before produced', () => {
    const fieldsOf = (selector: unknown): string[] =>
      Object.keys(selector as Record<string, string>)
        .map((key) => key.replace(/\.\$$/, ''))
        .sort();
    const pathsOf = (selector: unknown): string[] => Object.values(selector as Record<string, string>);
    const map = states.ScanAccounts;
    const account = map.ItemProcessor?.States ?? {};
    const region = account.CollectRegions;
    expect(fieldsOf(states.ListTargets.Parameters)).toEqual(
      keysOf<ListTargetsEvent>({ executionName: true, startedAt: true }),
    );
    expect(fieldsOf(region.ItemSelector)).toEqual(
      keysOf<CollectRegionEvent>({ runId: true, account: true, roleArn: true, region: true, index: true }),
    );
    expect(fieldsOf(account.JudgeAccount.Parameters)).toEqual(
      keysOf<JudgeAccountEvent>({ runId: true, account: true, regions: true }),
    );
    // list-targets' RunRef lands in $.run; finalise reads `run` and, after a catch, `error`.
    const runFields = keysOf<RunRef>({
      runId: true,
      startedAt: true,
      bucket: true,
      targetsKey: true,
      accounts: true,
      regions: true,
    });
    expect(keysOf<FinaliseEvent>({ run: true, error: true })).toEqual(['error', 'run']);
    const readFromRun = [...pathsOf(map.ItemSelector), ...pathsOf(map.ItemReader?.Parameters)]
      .filter((path) => path.startsWith('$.run.'))
      .map((path) => path.slice('$.run.'.length));
    expect(readFromRun.filter((field) => !runFields.includes(field))).toEqual([]);
    // Each account's item is a ScanTarget of targets.json; its child reads only what the selector gave.
    const targetFields = keysOf<ScanTarget>({ account: true, roleArn: true, regions: true });
    const readFromItem = pathsOf(map.ItemSelector)
      .filter((path) => path.startsWith('$$.Map.Item.Value.'))
      .map((path) => path.slice('$$.Map.Item.Value.'.length));
    expect(readFromItem.filter((field) => !targetFields.includes(field))).toEqual([]);
    const childInput = fieldsOf(map.ItemSelector);
    const readByChild = [
      region.ItemsPath ?? '',
      ...pathsOf(region.ItemSelector),
      ...pathsOf(account.JudgeAccount.Parameters),
    ]
      .filter((path) => /^\$\.[A-Za-z]+$/.test(path))
      .map((path) => path.slice(2));
    expect(readByChild.filter((field) => !childInput.includes(field))).toEqual([]);
  });

  it('takes the concurrency limit from the configuration, and reserves Lambda concurrency to match', () => {
    const wider = buildAudit({
      audit: {
        accounts: ['111122223333', '444455556666'],
        regions: ['eu-west-1', 'eu-central-1'],
        maxConcurrentAccounts: 25,
      },
    });
    const widerTemplate = wider.template(STACK);
    const [, machine] = resourceAt(widerTemplate, 'AWS::StepFunctions::StateMachine', '/Scan/StateMachine/');
    expect(definitionOf(machine).States.ScanAccounts.MaxConcurrency).toBe(25);
    const [, collect] = resourceAt(widerTemplate, 'AWS::Lambda::Function', '/Steps/CollectRegion/');
    expect(collect.Properties?.ReservedConcurrentExecutions).toBe(50);
  });

  it('logs every run to an encrypted log group and traces it', () => {
    const [, machine] = resourceAt(template, 'AWS::StepFunctions::StateMachine', '/Scan/StateMachine/');
    const [logGroupId, logGroup] = resourceAt(template, 'AWS::Logs::LogGroup', '/Scan/Logs/');
    expect(machine.Properties).toMatchObject({
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: arnOf(logGroupId) } }],
      },
    });
    expect(logGroup.Properties?.KmsKeyId).toEqual(
      arnOf(keyByAlias(template, 'alias/example-llp/audit-scanner/audit-logs')),
    );
  });
});

describe('the functions', () => {
  it('run the four handlers of one bundle on the latest Node.js runtime', () => {
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    expect(
      Object.values(functions)
        .map((fn) => fn.Properties?.Handler)
        .sort(),
    ).toEqual([
      'collect-region.handler',
      'finalise.handler',
      'judge-account.handler',
      'list-targets.handler',
    ]);
    const keys = new Set(Object.values(functions).map((fn) => JSON.stringify(fn.Properties?.Code)));
    expect(keys.size).toBe(1);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    }
  });

  it('deploy the built bundle: the handlers and the very Wasm policy and manifest `npm run build` made', () => {
    const [, fn] = resourceAt(template, 'AWS::Lambda::Function', '/Steps/Finalise/');
    const asset = path.join(built.app.outdir, String(fn.Metadata?.['aws:asset:path']));
    for (const handler of ['list-targets', 'collect-region', 'judge-account', 'finalise']) {
      expect([handler, existsSync(path.join(asset, `${handler}.js`))]).toEqual([handler, true]);
    }
    const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
    for (const file of ['dist/policy/lexguard.wasm', 'dist/policy/manifest.json']) {
      expect([file, digest(path.join(asset, file))]).toEqual([file, digest(path.join(ROOT, file))]);
    }
  });

  it('are given every variable their handlers read, with values the handlers accept', () => {
    const variablesOf = (handler: string): Record<string, unknown> => {
      const fn = resourcesOf(template, 'AWS::Lambda::Function')[functionId(handler)];
      return (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    };
    const names = (handler: string): string[] => Object.keys(variablesOf(handler)).sort();
    const bucket = [AUDIT_ENV.bucket, AUDIT_ENV.reportsKey];
    expect(names('list-targets')).toEqual(
      [...bucket, AUDIT_ENV.targets, AUDIT_ENV.regions, AUDIT_ENV.scannerRole, AUDIT_ENV.partition].sort(),
    );
    expect(names('collect-region')).toEqual([...bucket, AUDIT_ENV.config].sort());
    expect(names('judge-account')).toEqual([...bucket, AUDIT_ENV.config].sort());
    expect(names('finalise')).toEqual([...bucket, AUDIT_ENV.config, AUDIT_ENV.topic].sort());
    // The literal values, read by the handlers' own readers.
    const listing = variablesOf('list-targets') as NodeJS.ProcessEnv;
    expect(targetSelectionFromEnv(listing)).toEqual({ accounts: ['111122223333'] });
    expect(regionsFromEnv(listing)).toEqual(['eu-west-1', 'eu-central-1']);
    const config = loadAuditConfig(variablesOf('finalise') as NodeJS.ProcessEnv);
    expect(config.rules.approved_regions).toEqual(['eu-west-1', 'eu-central-1']);
  });

  it('give the collect function the fixed role name the scanner roles trust, allowed to assume only those roles', () => {
    const [, role] = resourceAt(template, 'AWS::IAM::Role', '/Steps/CollectRegion/Role/');
    expect(role.Properties?.RoleName).toBe('example-llp-audit-collector');
    const [, policy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/Steps/CollectRegion/Policy/');
    const assume = statementsOf(policy.Properties?.PolicyDocument).find(
      (s) => s.Sid === 'AssumeScannerRoles',
    );
    expect(assume).toMatchObject({
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::111122223333:role/lexguard-scanner',
    });
  });

  it('write logs only to their own log groups, encrypted and kept for the audit retention', () => {
    const logsKey = arnOf(keyByAlias(template, 'alias/example-llp/audit-scanner/audit-logs'));
    for (const step of ['list-targets', 'collect-region', 'judge-account', 'finalise']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/lexguard/example-llp/audit-scanner/${step}`,
        KmsKeyId: logsKey,
        RetentionInDays: Match.anyValue(),
      });
    }
  });
});

describe('the reports bucket (CP-01, CP-02, CP-07, CP-14)', () => {
  let bucketId: string;
  let bucket: CfnResource;
  beforeAll(() => {
    [bucketId, bucket] = resourceAt(template, 'AWS::S3::Bucket', '/Reports/Reports/');
  });

  it('is encrypted with a customer managed, rotating key of its own, with S3 Bucket Keys', () => {
    const keyId = keyByAlias(template, 'alias/example-llp/audit-scanner/reports');
    expect(bucket.Properties?.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] },
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(keyId) },
        },
      ],
    });
    expect(resourcesOf(template, 'AWS::KMS::Key')[keyId].Properties).toMatchObject({
      EnableKeyRotation: true,
      PendingWindowInDays: 30,
    });
  });

  it('blocks public access, refuses plain connections and TLS below 1.2, and is Object-Locked', () => {
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      ObjectLockEnabled: true,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    const [, policy] = resourceAt(template, 'AWS::S3::BucketPolicy', '/Reports/Reports/');
    expect((policy.Properties?.Bucket as { Ref: string }).Ref).toBe(bucketId);
    const denies = statementsOf(policy.Properties?.PolicyDocument).filter((s) => s.Effect === 'Deny');
    expect(denies.map((s) => s.Condition)).toEqual([
      { Bool: { 'aws:SecureTransport': 'false' } },
      { NumericLessThan: { 's3:TlsVersion': 1.2 } },
    ]);
  });
});

describe('notifications', () => {
  it('go to a topic encrypted with a firm key, which the finalise function may use and publish to', () => {
    const [topicId, topic] = resourceAt(template, 'AWS::SNS::Topic', '/Notifications/');
    const alertsKey = keyByAlias(template, 'alias/example-llp/audit-scanner/alerts');
    expect(topic.Properties?.KmsMasterKeyId).toEqual(arnOf(alertsKey));
    const [, policy] = resourceAt(template, 'AWS::IAM::ManagedPolicy', '/Steps/Finalise/Policy/');
    expect(statementsOf(policy.Properties?.PolicyDocument).find((s) => s.Sid === 'Notify')).toMatchObject({
      Action: 'sns:Publish',
      Resource: { Ref: topicId },
    });
  });

  it('include a run that failed, timed out or was stopped, by an alarm on the same topic', () => {
    const [topicId] = resourceAt(template, 'AWS::SNS::Topic', '/Notifications/');
    const [machineId] = resourceAt(template, 'AWS::StepFunctions::StateMachine', '/Scan/StateMachine/');
    const [, alarm] = resourceAt(template, 'AWS::CloudWatch::Alarm', '/Alarms/ScanNotFinished/');
    expect(alarm.Properties).toMatchObject({
      AlarmActions: [{ Ref: topicId }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
    });
    const metrics = alarm.Properties?.Metrics as Array<Record<string, unknown>>;
    expect(metrics[0].Expression).toBe('failed + timedOut + aborted');
    const names = metrics
      .slice(1)
      .map((m) => (m.MetricStat as { Metric: { MetricName: string } }).Metric.MetricName);
    expect(names.sort()).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(JSON.stringify(metrics)).toContain(
      JSON.stringify({ Name: 'StateMachineArn', Value: { Ref: machineId } }),
    );
  });

  it('include a scheduled start that failed or was dropped, from the audit’s own schedule group', () => {
    const [topicId] = resourceAt(template, 'AWS::SNS::Topic', '/Notifications/');
    const [, schedule] = resourceAt(template, 'AWS::Scheduler::Schedule', '/Schedule/Schedule/');
    const [groupId, group] = resourceAt(template, 'AWS::Scheduler::ScheduleGroup', '/Schedule/Group/');
    expect(group.Properties?.Name).toBe('example-llp-lexguard-audit');
    // Named, not referenced: the schedule must wait for its group.
    expect(schedule.Properties?.GroupName).toBe('example-llp-lexguard-audit');
    expect(schedule.DependsOn).toEqual([groupId]);
    const [, alarm] = resourceAt(template, 'AWS::CloudWatch::Alarm', '/Alarms/ScanNotStarted/');
    expect(alarm.Properties?.AlarmActions).toEqual([{ Ref: topicId }]);
    const metrics = alarm.Properties?.Metrics as Array<Record<string, unknown>>;
    expect(metrics[0].Expression).toBe('errors + dropped');
    const stats = metrics
      .slice(1)
      .map(
        (m) =>
          (m.MetricStat as { Metric: { MetricName: string; Namespace: string; Dimensions: unknown } }).Metric,
      );
    expect(stats.map((m) => `${m.Namespace} ${m.MetricName}`).sort()).toEqual([
      'AWS/Scheduler InvocationDroppedCount',
      'AWS/Scheduler TargetErrorCount',
    ]);
    for (const metric of stats)
      expect(metric.Dimensions).toEqual([{ Name: 'ScheduleGroup', Value: 'example-llp-lexguard-audit' }]);
  });
});
