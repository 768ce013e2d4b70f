import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag rule ids that judge the same thing in the three packs the document store runs, so a construct
 * that cannot meet a control (with a reason) acknowledges it in every pack at once.
 */
export const NAG_RULES = {
  s3AccessLogging: [
    'AwsSolutions-S1',
    'HIPAA.Security-S3BucketLoggingEnabled',
    'NIST.800.53.R5-S3BucketLoggingEnabled',
  ],
  s3KmsEncryption: ['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS'],
  s3Replication: ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled'],
} as const;

/**
 * Acknowledges cdk-nag rules on a construct and everything below it. Every acknowledgement says why the
 * rule does not apply or cannot be met; `reason` must be a sentence an auditor can check.
 */
export function acknowledgeNagRules(scope: IConstruct, ruleIds: readonly string[], reason: string): void {
  for (const id of ruleIds) Validations.of(scope).acknowledge({ id, reason });
}
