import type { SnsTopic } from '../../../model/monitoring';
import { linkTo } from '../../leaves';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/** `AWS::SNS::Topic`: without `KmsMasterKeyId` a topic's messages are not encrypted at rest. */
export const snsTopicAdapter: TemplateAdapter = {
  types: ['AWS::SNS::Topic'],
  phase: 'create',
  apply(resource, model) {
    const topic: SnsTopic = {
      ...templateResourceBase(resource, 'sns_topic', 'TopicName'),
      kms_key: linkTo(resource.properties.reference(['KmsMasterKeyId'], { default: null })),
    };
    model.sns_topics[topic.id] = topic;
  },
};
