import type { Leaf } from './leaf';

/** Every kind of resource the model holds; each has a collection of the same name in the plural. */
export type ResourceKind =
  | 'account'
  | 's3_bucket'
  | 'kms_key'
  | 'cloudtrail_trail'
  | 'iam_user'
  | 'iam_group'
  | 'iam_role'
  | 'iam_managed_policy'
  | 'backup_vault'
  | 'backup_plan'
  | 'backup_selection'
  | 'cloudwatch_metric_filter'
  | 'cloudwatch_alarm'
  | 'sns_topic'
  | 'logs_log_group';

/** Where a resource was declared in a template or cloud assembly. */
export interface TemplateResourceSource {
  kind: 'template';
  /** Template file, relative to the working directory when it lies below it. */
  file: string;
  logical_id: string;
  /** The CloudFormation type, e.g. `AWS::S3::Bucket`. */
  resource_type: string;
  line?: number;
  column?: number;
  /** The CDK construct path (`aws:cdk:path` metadata), when the template came from CDK. */
  construct_path?: string;
  /** The stack's name, for templates read from a cloud assembly. */
  stack?: string;
}

/** One API call made to read a live resource: the evidence behind its values. */
export interface ApiEvidence {
  /** `service:Operation`, e.g. `s3:GetBucketPolicy`. */
  call: string;
  /** When the response arrived (ISO 8601). */
  time: string;
  /** SHA-256 of the raw response body, so a report can be checked against a stored response. */
  digest?: string;
  /** The error code when the call failed (e.g. `AccessDenied`); the values it should have given are unknown. */
  error?: string;
}

/** Where a live resource was read. */
export interface LiveResourceSource {
  kind: 'live';
  arn: string;
  account: string;
  region: string;
  evidence: ApiEvidence[];
}

export type ResourceSource = TemplateResourceSource | LiveResourceSource;

/** What every resource carries, whatever its kind. */
export interface ResourceBase<K extends ResourceKind> {
  /** The model id: `<stack or file>/<logical id>` for templates, the ARN for live resources. Unique in a model. */
  id: string;
  kind: K;
  /** The physical name (bucket name, key id, role name); unknown when CloudFormation generates it. */
  name: Leaf<string>;
  arn: Leaf<string>;
  account: Leaf<string>;
  region: Leaf<string>;
  tags: Leaf<Record<string, string>>;
  source: ResourceSource;
}
