import { ArnFormat, Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, type IConstruct } from 'constructs';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';
import { EncryptedLogGroup } from './encrypted-log-group';
import type { FirmKey } from './firm-key';
import { rejectProps } from './reject-props';

export interface PasswordPolicyProps {
  /** At least 14 (CP-05). */
  minimumLength: number;
  /** How many previous passwords cannot be reused: 24, the most IAM allows (CP-05). */
  reusePrevention: number;
  /** Days before a password must be changed; 0 for never. */
  maxAgeDays: number;
}

export interface AccountSettingsProps {
  /** Physical name of the function that makes the calls (so its log group is known). */
  functionName: string;
  /** CP-05: the account password policy. */
  passwordPolicy: PasswordPolicyProps;
  /** CP-07: all four S3 Block Public Access flags on the whole account. */
  blockPublicAccess: boolean;
  /** Where the function's own log lines go: encrypted with this key, kept this long. */
  logs: { key?: FirmKey; retentionDays: number };
}

/**
 * The account-wide settings CloudFormation has no resource for, each made by one SDK call through
 * `AwsCustomResource`: the password policy (`iam:UpdateAccountPasswordPolicy`, CP-05) and the account's
 * S3 Block Public Access (`s3control:PutPublicAccessBlock`, CP-07). Deleting the stack leaves both in
 * place: an account without them would fall back to AWS's weak defaults.
 */
export class AccountSettings extends Construct {
  constructor(scope: Construct, id: string, props: AccountSettingsProps) {
    super(scope, id);
    validatePasswordPolicy(this, props.passwordPolicy);
    const stack = Stack.of(this);
    // aws-cdk-lib runs every AwsCustomResource of a stack in one provider function, with one role.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Applies the account password policy and the account S3 Block Public Access',
    });
    const permissions = new iam.ManagedPolicy(this, 'Permissions', {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'SetAccountSettings',
          actions: ['iam:UpdateAccountPasswordPolicy', 's3:PutAccountPublicAccessBlock'],
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
    const logGroup = new EncryptedLogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retentionDays: props.logs.retentionDays,
      ...(props.logs.key ? { key: props.logs.key } : {}),
    }).logGroup;
    const apply = (callId: string, call: cr.AwsSdkCall): void => {
      const resource = new cr.AwsCustomResource(this, callId, {
        functionName: props.functionName,
        logGroup,
        role,
        onCreate: call,
        onUpdate: call,
        installLatestAwsSdk: false,
      });
      // The role gets its permissions from a separate resource: the call must wait for it.
      resource.node.addDependency(permissions);
    };
    apply('PasswordPolicy', passwordPolicyCall(props.passwordPolicy));
    if (props.blockPublicAccess) apply('S3BlockPublicAccess', blockPublicAccessCall());
    acknowledgeWildcards(this, [
      {
        finding: /^Resource::\*$/,
        reason:
          'iam:UpdateAccountPasswordPolicy and s3:PutAccountPublicAccessBlock act on the account and have no resource ARN to name.',
      },
      {
        finding: /^Resource::arn:[^:]+:logs:[^:]*:[^:]*:log-group:\/aws\/lambda\/[^:]+:\*$/,
        reason:
          "Lambda names the function's log streams at run time; the grant is limited to its own log group.",
      },
    ]);
    const handler = stack.node.tryFindChild(
      `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    if (handler) acknowledgeProviderFunction(handler);
  }
}

function passwordPolicyCall(policy: PasswordPolicyProps): cr.AwsSdkCall {
  return {
    service: 'IAM',
    action: 'updateAccountPasswordPolicy',
    parameters: {
      MinimumPasswordLength: policy.minimumLength,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      PasswordReusePrevention: policy.reusePrevention,
      ...(policy.maxAgeDays > 0 ? { MaxPasswordAge: policy.maxAgeDays } : {}),
      HardExpiry: false,
    },
    physicalResourceId: cr.PhysicalResourceId.of('account-password-policy'),
  };
}

function blockPublicAccessCall(): cr.AwsSdkCall {
  return {
    service: 'S3Control',
    action: 'putPublicAccessBlock',
    parameters: {
      // The deploying account, as CloudFormation knows it, so the call can never reach another account.
      AccountId: Aws.ACCOUNT_ID,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    },
    physicalResourceId: cr.PhysicalResourceId.of('account-s3-block-public-access'),
  };
}

function validatePasswordPolicy(scope: Construct, policy: PasswordPolicyProps): void {
  if (policy.minimumLength < 14 || policy.minimumLength > 128) {
    rejectProps(scope, `minimumLength must be 14 to 128 characters (CP-05), not ${policy.minimumLength}`);
  }
  if (policy.reusePrevention < 1 || policy.reusePrevention > 24) {
    rejectProps(scope, `reusePrevention must be 1 to 24 passwords, not ${policy.reusePrevention}`);
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
    'The function only calls the IAM and S3 Control APIs once per deployment and touches no client data; a VPC would need NAT or endpoints for nothing.',
  );
  acknowledgeNagRules(
    handler,
    ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    'The function runs once per deployment of the stack; reserved concurrency would only reserve idle capacity.',
  );
}
