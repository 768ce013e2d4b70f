import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, type IConstruct } from 'constructs';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';
import { EncryptedLogGroup } from './encrypted-log-group';
import type { FirmKey } from './firm-key';
import { rejectProps } from './reject-props';

export interface AccountPasswordPolicyProps {
  /** Physical name of the function that applies the policy (so its log group is known). */
  functionName: string;
  /** At least 14 (CP-05). */
  minimumLength: number;
  /** How many previous passwords cannot be reused: 24, the most IAM allows (CP-05). */
  reusePrevention: number;
  /** Days before a password must be changed; 0 for never. */
  maxAgeDays: number;
  /** Where the function's own log lines go: encrypted with this key, kept this long. */
  logs: { key?: FirmKey; retentionDays: number };
}

/**
 * The account password policy (CP-05), set with `iam:UpdateAccountPasswordPolicy` through a custom
 * resource because CloudFormation has no resource type for it. Deleting the stack leaves the policy in
 * place: an account without one would fall back to IAM's weak default.
 */
export class AccountPasswordPolicy extends Construct {
  constructor(scope: Construct, id: string, props: AccountPasswordPolicyProps) {
    super(scope, id);
    if (props.minimumLength < 14 || props.minimumLength > 128) {
      rejectProps(this, `minimumLength must be 14 to 128 characters (CP-05), not ${props.minimumLength}`);
    }
    if (props.reusePrevention < 1 || props.reusePrevention > 24) {
      rejectProps(this, `reusePrevention must be 1 to 24 passwords, not ${props.reusePrevention}`);
    }
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Applies the account password policy',
    });
    const permissions = new iam.ManagedPolicy(this, 'Permissions', {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'SetPasswordPolicy',
          actions: ['iam:UpdateAccountPasswordPolicy'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'WriteOwnLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [
            stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: `/aws/lambda/${props.functionName}:*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
      ],
    });
    const call: cr.AwsSdkCall = {
      service: 'IAM',
      action: 'updateAccountPasswordPolicy',
      parameters: {
        MinimumPasswordLength: props.minimumLength,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        PasswordReusePrevention: props.reusePrevention,
        ...(props.maxAgeDays > 0 ? { MaxPasswordAge: props.maxAgeDays } : {}),
        HardExpiry: false,
      },
      physicalResourceId: cr.PhysicalResourceId.of('account-password-policy'),
    };
    const logGroup = new EncryptedLogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retentionDays: props.logs.retentionDays,
      ...(props.logs.key ? { key: props.logs.key } : {}),
    }).logGroup;
    const resource = new cr.AwsCustomResource(this, 'Apply', {
      functionName: props.functionName,
      logGroup,
      role,
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
    });
    // The role gets its permissions from a separate resource: the call must wait for it.
    resource.node.addDependency(permissions);
    acknowledgeWildcards(this, [
      {
        finding: /^Resource::\*$/,
        reason: 'iam:UpdateAccountPasswordPolicy acts on the account and has no resource ARN to name.',
      },
      {
        finding: /^Resource::arn:[^:]+:logs:[^:]*:[^:]*:log-group:\/aws\/lambda\/[^:]+:\*$/,
        reason:
          "Lambda names the function's log streams at run time; the grant is limited to its own log group.",
      },
    ]);
    // aws-cdk-lib shares one provider function per stack, named after the provider's UUID.
    const handler = stack.node.tryFindChild(
      `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    if (handler) acknowledgeProviderFunction(handler);
  }
}

/** The provider function aws-cdk-lib creates for AwsCustomResource: what it cannot be given, and why. */
function acknowledgeProviderFunction(handler: IConstruct): void {
  acknowledgeNagRules(
    handler,
    ['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'],
    'CloudFormation invokes the function synchronously and reports a failed call as a failed deployment; there is no event to dead-letter.',
  );
  acknowledgeNagRules(
    handler,
    ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC'],
    'The function only calls the IAM API once per deployment and touches no client data; a VPC would need NAT or endpoints for nothing.',
  );
  acknowledgeNagRules(
    handler,
    ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    'The function runs once per deployment of the stack; reserved concurrency would only reserve idle capacity.',
  );
}
