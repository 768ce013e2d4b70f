import { policyDocumentLeaf } from '../../policy-document';
import { isUnresolved } from '../../../sources/template/resolve/unresolved';
import type { TemplateAdapter } from './adapter';

/**
 * `AWS::S3::BucketPolicy`: attaches its document to the bucket it names, by `Ref` or by name. A policy
 * for a bucket outside the template is reported and otherwise left alone.
 */
export const s3BucketPolicyAdapter: TemplateAdapter = {
  types: ['AWS::S3::BucketPolicy'],
  phase: 'attach',
  apply(resource, model, lookup) {
    const props = resource.properties;
    const bucketRef = props.get(['Bucket']);
    if (isUnresolved(bucketRef) || typeof bucketRef !== 'string') {
      lookup.report(
        'the bucket policy names a bucket that cannot be resolved',
        resource,
        'Properties.Bucket',
      );
      return;
    }
    const bucketId = lookup.resolveReference(bucketRef, 's3_buckets');
    const bucket = bucketId ? model.s3_buckets[bucketId] : undefined;
    if (!bucket) {
      lookup.report(
        `the bucket policy is for bucket ${bucketRef}, which is not in the template`,
        resource,
        'Properties.Bucket',
      );
      return;
    }
    // The policy is written in this resource, not the bucket's: that is where a reader fixes it.
    const at = { ...props.at(['PolicyDocument']), logical_id: resource.logicalId };
    bucket.policy = policyDocumentLeaf(props.get(['PolicyDocument']), at);
  },
};
