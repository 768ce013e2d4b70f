import { type Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { AUDIT_ENV, type AuditEnvName } from '../lambda/audit/environment';
import type { AuditHandlerName } from '../lambda/lambda-bundle';
import { EncryptedLogGroup } from './encrypted-log-group';
import type { FirmKey } from './firm-key';

/** The runtime the bundle is built for (scripts/build-lambda.ts targets node24): the latest Node.js runtime, as cdk-nag's AwsSolutions-L1 asks. */
export const AUDIT_RUNTIME = lambda.Runtime.NODEJS_24_X;

export interface AuditFunctionProps {
  handler: AuditHandlerName;
  /** The audit functions' bundle (one asset for all of them). */
  code: lambda.Code;
  description: string;
  memorySize: number;
  timeout: Duration;
  /** Most instances at once; also what the function reserves of the account's Lambda concurrency. */
  reservedConcurrency: number;
  environment: Partial<Record<AuditEnvName, string>>;
  /** Everything the function may do besides writing its own logs. */
  statements: iam.PolicyStatement[];
  /** A fixed role name, for a role other accounts trust by ARN. */
  roleName?: string;
  logs: { groupName: string; retentionDays: number; key: FirmKey };
}

/**
 * One step of the scheduled scan: a function of the audit bundle with a role of its own whose one
 * customer managed policy holds exactly the statements given (and writing its own log group), an
 * encrypted log group kept for the audit retention, and reserved concurrency.
 */
export class AuditFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AuditFunctionProps) {
    super(scope, id);
    const logGroup = new EncryptedLogGroup(this, 'Logs', {
      logGroupName: props.logs.groupName,
      retentionDays: props.logs.retentionDays,
      key: props.logs.key,
    }).logGroup;
    this.role = new iam.Role(this, 'Role', {
      ...(props.roleName ? { roleName: props.roleName } : {}),
      description: `lexguard scheduled audit scan: ${props.description}`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    new iam.ManagedPolicy(this, 'Policy', {
      description: `What the ${props.handler} step of the scheduled audit scan may do`,
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'WriteOwnLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
        ...props.statements,
      ],
    });
    this.function = new lambda.Function(this, 'Function', {
      description: `lexguard scheduled audit scan: ${props.description}`,
      runtime: AUDIT_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      code: props.code,
      handler: `${props.handler}.handler`,
      role: this.role,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      logGroup,
      environment: Object.fromEntries(
        Object.entries(props.environment).map(([name, value]) => [AUDIT_ENV[name as AuditEnvName], value]),
      ),
    });
    acknowledgeNagRules(
      this.function,
      ['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'],
      'Step Functions invokes the function synchronously and retries or catches its failures; a dead-letter queue only receives failed asynchronous invocations.',
    );
    acknowledgeNagRules(
      this.function,
      ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC'],
      'The function calls AWS APIs (STS, S3 and the scanned services) in every scanned region and account, which VPC endpoints of one region cannot reach; it reads configuration, never client documents.',
    );
  }
}
