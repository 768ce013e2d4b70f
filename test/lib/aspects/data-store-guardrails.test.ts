import { App, AspectPriority, Aspects, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataStoreGuardrails } from '../../../lib/aspects/data-store-guardrails';

function stackWith(build: (stack: Stack) => void): Stack {
  const app = new App();
  const stack = new Stack(app, 'Store');
  build(stack);
  Aspects.of(app).add(
    new DataStoreGuardrails({
      requiredTags: ['data-classification', 'owner'],
      classificationTag: 'data-classification',
      allowedClassifications: ['internal', 'confidential'],
    }),
    { priority: AspectPriority.READONLY },
  );
  return stack;
}

function taggedBucket(
  stack: Stack,
  tags: Record<string, string>,
  removalPolicy = RemovalPolicy.RETAIN,
): void {
  const bucket = new s3.Bucket(stack, 'Docs', { removalPolicy });
  for (const [key, value] of Object.entries(tags)) Tags.of(bucket).add(key, value);
}

describe('DataStoreGuardrails', () => {
  it('accepts a retained bucket with an allowed classification and an owner', () => {
    const stack = stackWith((s) => taggedBucket(s, { 'data-classification': 'internal', owner: 'records' }));
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });

  it('sees tags added at stack level, as they are applied before it runs', () => {
    const stack = stackWith((s) => {
      taggedBucket(s, { 'data-classification': 'internal' });
      Tags.of(s).add('owner', 'records');
    });
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });

  it('fails a bucket without its owner tag, naming the tag', () => {
    const stack = stackWith((s) => taggedBucket(s, { 'data-classification': 'internal' }));
    Annotations.fromStack(stack).hasError(
      '/Store/Docs/Resource',
      Match.stringLikeRegexp('lacks the required tags owner'),
    );
  });

  it('fails a classification outside the allowed set', () => {
    const stack = stackWith((s) => taggedBucket(s, { 'data-classification': 'secret', owner: 'records' }));
    Annotations.fromStack(stack).hasError(
      '/Store/Docs/Resource',
      Match.stringLikeRegexp('data-classification=secret is not one of'),
    );
  });

  it('fails a data store that would be deleted with its stack', () => {
    const stack = stackWith((s) =>
      taggedBucket(s, { 'data-classification': 'internal', owner: 'records' }, RemovalPolicy.DESTROY),
    );
    Annotations.fromStack(stack).hasError(
      '/Store/Docs/Resource',
      Match.stringLikeRegexp('would be deleted with its stack'),
    );
  });
});
