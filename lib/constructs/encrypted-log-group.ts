import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FirmKey } from './firm-key';
import { rejectProps } from './reject-props';

export interface EncryptedLogGroupProps {
  logGroupName: string;
  /** Days events must be kept; rounded up to the next period CloudWatch Logs offers. */
  retentionDays: number;
  /** CP-01: the audit-logs key; absent only in a weakened build. */
  key?: FirmKey;
}

/**
 * A CloudWatch Logs group for audit data: encrypted with the audit-logs key (whose policy lets CloudWatch
 * Logs use it for this group only), kept at least the audit retention, and retained with its stack.
 */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // One statement per log group, named by the group's place in the stack: several groups share a key.
    const place = this.node.scopes.slice(this.node.scopes.indexOf(stack) + 1).map((scope) => scope.node.id);
    props.key?.allowUse(
      `LogsEncrypt${pascal(place.join(''))}`,
      [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ],
      {
        ArnEquals: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: props.logGroupName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    );
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: logRetentionAtLeast(this, props.retentionDays),
      ...(props.key ? { encryptionKey: props.key.key } : {}),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * CloudWatch Logs keeps events only for set periods (…, 1827, 2192, 2557, … days): the shortest one that
 * is at least the required retention, so logs are never disposed of early (7 years of 365 days becomes 2557).
 */
function logRetentionAtLeast(scope: Construct, days: number): logs.RetentionDays {
  const periods = Object.values(logs.RetentionDays)
    .filter(
      (value): value is logs.RetentionDays =>
        typeof value === 'number' && value !== logs.RetentionDays.INFINITE,
    )
    .sort((a, b) => a - b);
  const period = periods.find((candidate) => candidate >= days);
  if (period === undefined) {
    rejectProps(
      scope,
      `CloudWatch Logs cannot keep events for ${days} days; the longest set period is ${periods[periods.length - 1]} days`,
    );
  }
  return period;
}

function pascal(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '');
}
