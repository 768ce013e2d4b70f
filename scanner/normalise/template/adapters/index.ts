import type { TemplateAdapter } from './adapter';
import { kmsKeyAdapter } from './kms-key';
import { s3BucketAdapter } from './s3-bucket';
import { s3BucketPolicyAdapter } from './s3-bucket-policy';

/** Every template adapter; a CloudFormation type no adapter reads is counted as not modelled. */
export const TEMPLATE_ADAPTERS: readonly TemplateAdapter[] = [
  s3BucketAdapter,
  s3BucketPolicyAdapter,
  kmsKeyAdapter,
];

const BY_TYPE = new Map(
  TEMPLATE_ADAPTERS.flatMap((adapter) => adapter.types.map((type) => [type, adapter] as const)),
);

export function adapterFor(type: string): TemplateAdapter | undefined {
  return BY_TYPE.get(type);
}
