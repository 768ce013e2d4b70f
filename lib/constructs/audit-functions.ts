import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { scannerIamPolicy } from '../../scanner/sources/live/iam-policy';
import type { LiveFeature } from '../../scanner/sources/live/calls';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';
import type { AuditConfig } from '../config/audit-config';
import { AuditFunction } from './audit-function';
import type { FirmKey } from './firm-key';

export interface AuditFunctionsProps {
  code: lambda.Code;
  bucket: s3.IBucket;
  reportsKey: FirmKey;
  topic: sns.ITopic;
  audit: AuditConfig;
  /** The collect function's role has a fixed name: every scanner role trusts it by ARN. */
  collectorRole: { name: string };
  /** The scan configuration (`lexguard.config.yaml`'s shape) as JSON. */
  scanConfig: string;
  logs: { prefix: string; retentionDays: number; key: FirmKey };
}

/**
 * The four steps of the scheduled scan, each a function with its own role allowed exactly its part of
 * the reports bucket: list-targets writes the targets list; collect-region assumes the scanner roles and
 * writes the parts; judge-account reads parts and writes account scans; finalise reads those and the
 * history, writes the history and the reports, and publishes to the topic. None can read anything but
 * the reports bucket: no function, and no scanner role, has `s3:GetObject` on client data.
 */
export class AuditFunctions extends Construct {
  readonly listTargets: AuditFunction;
  readonly collectRegion: AuditFunction;
  readonly judgeAccount: AuditFunction;
  readonly finalise: AuditFunction;

  constructor(scope: Construct, id: string, props: AuditFunctionsProps) {
    super(scope, id);
    const { audit, bucket } = props;
    const objects = (...patterns: string[]): string[] =>
      patterns.map((pattern) => bucket.arnForObjects(pattern));
    const put = (sid: string, ...patterns: string[]): iam.PolicyStatement =>
      new iam.PolicyStatement({ sid, actions: ['s3:PutObject'], resources: objects(...patterns) });
    const get = (sid: string, ...patterns: string[]): iam.PolicyStatement =>
      new iam.PolicyStatement({ sid, actions: ['s3:GetObject'], resources: objects(...patterns) });
    // With ListBucket S3 answers NoSuchKey for a missing object rather than AccessDenied, which is how a
    // step that did not finish is told from a fault. It lists keys of the reports bucket only.
    const list = new iam.PolicyStatement({
      sid: 'ListReportsBucket',
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
    });
    const environment = { bucket: bucket.bucketName, reportsKey: props.reportsKey.key.keyArn };
    const make = (
      id: string,
      fn: Omit<ConstructorParameters<typeof AuditFunction>[2], 'code' | 'logs'>,
    ): AuditFunction =>
      new AuditFunction(this, id, {
        ...fn,
        code: props.code,
        logs: { ...props.logs, groupName: `${props.logs.prefix}/${fn.handler}` },
      });

    const organization = 'organization' in audit.targets;
    this.listTargets = make('ListTargets', {
      handler: 'list-targets',
      description: 'lists the accounts and regions to scan',
      memorySize: 256,
      timeout: Duration.minutes(2),
      reservedConcurrency: 1,
      environment: {
        ...environment,
        targets: JSON.stringify(audit.targets),
        regions: audit.regions.join(','),
        scannerRole: audit.scannerRoleName,
        partition: Stack.of(this).partition,
      },
      statements: [
        put('WriteTargetLists', 'runs/*/targets.json'),
        ...(organization ? [declaredCalls('organizations', 'ListOrganizationAccounts', ['*'])] : []),
      ],
    });
    this.collectRegion = make('CollectRegion', {
      handler: 'collect-region',
      description: 'reads one region of one account through its read-only role',
      roleName: props.collectorRole.name,
      memorySize: 1024,
      timeout: Duration.minutes(15),
      reservedConcurrency: audit.maxConcurrentAccounts * audit.regions.length,
      environment: { ...environment, config: props.scanConfig },
      statements: [
        put('WriteParts', 'runs/*/parts/*'),
        declaredCalls('assume-role', 'AssumeScannerRoles', scannerRoleArns(this, audit)),
      ],
    });
    this.judgeAccount = make('JudgeAccount', {
      handler: 'judge-account',
      description: "joins an account's regions and runs the rules",
      memorySize: 2048,
      timeout: Duration.minutes(15),
      reservedConcurrency: audit.maxConcurrentAccounts,
      environment: { ...environment, config: props.scanConfig },
      statements: [get('ReadParts', 'runs/*/parts/*'), put('WriteAccountScans', 'runs/*/accounts/*'), list],
    });
    this.finalise = make('Finalise', {
      handler: 'finalise',
      description: 'records the scan, writes the reports and notifies',
      memorySize: 3008,
      timeout: Duration.minutes(15),
      reservedConcurrency: 1,
      environment: { ...environment, config: props.scanConfig, topic: props.topic.topicArn },
      statements: [
        get('ReadRunsAndHistory', 'runs/*/targets.json', 'runs/*/accounts/*', 'history/scans/*'),
        put('WriteHistoryAndReports', 'history/scans/*', 'reports/*'),
        list,
        new iam.PolicyStatement({
          sid: 'Notify',
          actions: ['sns:Publish'],
          resources: [props.topic.topicArn],
        }),
      ],
    });
    for (const [step, access] of [
      [this.listTargets, 'encrypt-decrypt'],
      [this.collectRegion, 'encrypt-decrypt'],
      [this.judgeAccount, 'encrypt-decrypt'],
      [this.finalise, 'encrypt-decrypt'],
    ] as const) {
      props.reportsKey.allowUseThrough(`${step.node.id}UsesReports`, 's3', [step.role], access);
    }
    acknowledgeWildcards(this, [
      {
        finding:
          /^Resource::<.*Reports.*\.Arn>\/(runs\/\*\/(targets\.json|parts\/\*|accounts\/\*)|history\/scans\/\*|reports\/\*)$/,
        reason:
          "Objects of one prefix of the reports bucket, whose keys carry the run's id made at run time; each step may touch only its own prefixes.",
      },
      {
        finding: /^Resource::arn:[^:]+:iam::\*:role\/[^*]+$/,
        reason:
          "The scanner role by name in every account of the organization, which is listed at each run; each role's trust policy admits this function's role alone.",
      },
      {
        finding: /^Resource::\*$/,
        reason: 'organizations:ListAccounts has no resource-level permissions.',
      },
    ]);
  }
}

/**
 * A statement of the actions lexguard's declared list of calls gives a feature (the same list
 * `lexguard iam-policy` prints from), on the resources given.
 */
function declaredCalls(feature: LiveFeature, sid: string, resources: string[]): iam.PolicyStatement {
  // The roles are passed along: the declared calls grant sts:AssumeRole only on roles that are named.
  const actions = scannerIamPolicy([feature], resources).Statement.flatMap((statement) => statement.Action);
  return new iam.PolicyStatement({ sid, actions, resources });
}

/** The scanner roles the collect function may assume: in the listed accounts, or by name in any account. */
function scannerRoleArns(scope: Construct, audit: AuditConfig): string[] {
  const stack = Stack.of(scope);
  const arnIn = (account: string): string =>
    stack.formatArn({
      service: 'iam',
      region: '',
      account,
      resource: 'role',
      resourceName: audit.scannerRoleName,
    });
  return 'accounts' in audit.targets ? audit.targets.accounts.map(arnIn) : [arnIn('*')];
}
