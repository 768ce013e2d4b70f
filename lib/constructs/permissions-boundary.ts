import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';
import { AUDIT_READ_ACTIONS } from './audit-read-actions';
import { DOCUMENTS_PREFIX, DOCUMENT_ACTIONS } from './document-access';
import { keyActions } from './firm-key';
import { ACCESS_LOGS_PREFIX } from './hardened-bucket';

/**
 * The ceiling of every delegated firm role (CP-04): whatever policy is later attached to such a role, it
 * can do no more than work with the documents under `matters/` of the account's buckets, use the region's
 * keys through S3, and read configuration and log files. Changing IAM, keys, trails, alarms, backups or
 * bucket settings stays out of reach. The boundary names no bucket or key of its own: the keys' policies
 * name the roles, so naming the keys here would make every role wait for the keys and the keys for it.
 */
export class PermissionsBoundary extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    const anyBucket = `arn:${stack.partition}:s3:::*`;
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'Permissions boundary of the delegated firm roles (CP-04)',
      statements: [
        new iam.PolicyStatement({
          sid: 'WorkWithDocuments',
          actions: DOCUMENT_ACTIONS,
          resources: [`${anyBucket}/${DOCUMENTS_PREFIX}*`],
        }),
        new iam.PolicyStatement({
          sid: 'ListBuckets',
          actions: ['s3:ListBucket', 's3:ListBucketVersions'],
          resources: [anyBucket],
        }),
        new iam.PolicyStatement({
          sid: 'ReadLogFiles',
          actions: ['s3:GetObject'],
          resources: [`${anyBucket}/AWSLogs/*`, `${anyBucket}/${ACCESS_LOGS_PREFIX}*`],
        }),
        new iam.PolicyStatement({
          sid: 'KeysThroughS3',
          actions: keyActions('encrypt-decrypt'),
          resources: [stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' })],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
        }),
        new iam.PolicyStatement({ sid: 'ReadConfiguration', actions: AUDIT_READ_ACTIONS, resources: ['*'] }),
      ],
    });
    acknowledgeWildcards(this, [
      {
        finding:
          /^Resource::arn:[^:]+:(s3:::\*(\/(matters|AWSLogs|access-logs)\/\*)?|kms:[^:]+:[^:]+:key\/\*)$/,
        reason:
          "A permissions boundary grants nothing by itself: it is the ceiling the role's own policies stay under, and those name the buckets and keys. Naming them here too would make every role wait for the keys whose policies name the roles.",
      },
      {
        finding: /^(Resource::\*|Action::[a-z0-9]+:(Describe|Get|List|GetBucket)\*)$/,
        reason:
          'The ceiling admits the read-only configuration actions auditors use, which take no resource ARN or must see every resource.',
      },
    ]);
  }
}
