import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { FirmKey } from './firm-key';

export interface AlertTopicProps {
  displayName: string;
  /** Where alarms are sent. */
  email: string;
  /** CP-01, CP-09: the alerts key; absent only in a weakened build. */
  key?: FirmKey;
}

/**
 * The topic security alarms notify (CP-09): encrypted with the alerts key, reachable only over TLS, and
 * published to only by CloudWatch alarms of this account.
 */
export class AlertTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const cloudwatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: props.displayName,
      ...(props.key ? { masterKey: props.key.key } : {}),
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmsOfThisAccountPublish',
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    props.key?.allowUse(
      'CloudWatchAlarmsPublishEncrypted',
      [cloudwatch],
      ['kms:Decrypt', 'kms:GenerateDataKey'],
      {
        StringEquals: { 'aws:SourceAccount': stack.account },
      },
    );
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }
}
