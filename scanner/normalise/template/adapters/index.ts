import type { TemplateAdapter } from './adapter';
import { backupPlanAdapter } from './backup-plan';
import { backupSelectionAdapter } from './backup-selection';
import { backupVaultAdapter } from './backup-vault';
import { cloudTrailTrailAdapter } from './cloudtrail-trail';
import { cloudwatchAlarmAdapter } from './cloudwatch-alarm';
import { customAwsApiCallAdapter } from './custom-aws-api-call';
import { iamGroupAdapter } from './iam-group';
import { iamManagedPolicyAdapter, iamManagedPolicyAttachmentAdapter } from './iam-managed-policy';
import { iamPolicyAdapter } from './iam-policy';
import { iamRoleAdapter } from './iam-role';
import { iamUserAdapter } from './iam-user';
import { iamUserToGroupAdditionAdapter } from './iam-user-to-group-addition';
import { kmsAliasAdapter } from './kms-alias';
import { kmsKeyAdapter } from './kms-key';
import { logsLogGroupAdapter } from './logs-log-group';
import { logsMetricFilterAdapter } from './logs-metric-filter';
import { s3BucketAdapter } from './s3-bucket';
import { s3BucketPolicyAdapter } from './s3-bucket-policy';
import { snsTopicAdapter } from './sns-topic';

/** Every template adapter; a CloudFormation type no adapter reads is counted as not modelled. */
export const TEMPLATE_ADAPTERS: readonly TemplateAdapter[] = [
  s3BucketAdapter,
  s3BucketPolicyAdapter,
  kmsKeyAdapter,
  kmsAliasAdapter,
  cloudTrailTrailAdapter,
  iamUserAdapter,
  iamGroupAdapter,
  iamRoleAdapter,
  iamPolicyAdapter,
  iamManagedPolicyAdapter,
  iamManagedPolicyAttachmentAdapter,
  iamUserToGroupAdditionAdapter,
  customAwsApiCallAdapter,
  backupVaultAdapter,
  backupPlanAdapter,
  backupSelectionAdapter,
  logsLogGroupAdapter,
  logsMetricFilterAdapter,
  cloudwatchAlarmAdapter,
  snsTopicAdapter,
];

const BY_TYPE = new Map<string, TemplateAdapter[]>();
for (const adapter of TEMPLATE_ADAPTERS) {
  for (const type of adapter.types) BY_TYPE.set(type, [...(BY_TYPE.get(type) ?? []), adapter]);
}

/** The adapters that read a CloudFormation type, in registration order; none when it is not modelled. */
export function adaptersFor(type: string): readonly TemplateAdapter[] {
  return BY_TYPE.get(type) ?? [];
}
