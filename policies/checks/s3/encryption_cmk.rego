# METADATA
# title: S3 buckets encrypt by default with a customer managed KMS key
# description: |
#   Client documents, their copies and logs are encrypted at rest with keys the firm controls.
#   Default encryption must be SSE-KMS with a customer managed key: SSE-S3 (AES256) and the AWS
#   managed key aws/s3 leave key policy, rotation and revocation outside the firm's control.
#   A bucket that receives server access logs and uses SSE-S3 is exempt (NOT_APPLICABLE): S3 delivers
#   access logs only to buckets encrypted with SSE-S3, so no key of the firm's can protect them.
# custom:
#   id: LG-S3-001
#   severity: HIGH
#   clauses: [CP-01]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Set the bucket's default encryption to SSE-KMS with a customer managed key.
#   cdk: "new s3.Bucket(this, 'Docs', { encryption: s3.BucketEncryption.KMS, encryptionKey: documentsKey })"
package lexguard.checks.s3.encryption_cmk

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.encryption.algorithm, "encryption.algorithm") if {
	leaf.unknown(bucket.encryption.algorithm)
} else := result.not_applicable("S3 delivers server access logs only to buckets encrypted with SSE-S3 (AES256)") if {
	bucket.holds == "access_logs"
	bucket.encryption.algorithm.value == "AES256"
} else := result.fail(
	sprintf("default encryption is %s, not SSE-KMS with a customer managed key", [algorithm_name(bucket)]),
	"encryption.algorithm",
) if {
	not kms_algorithm(bucket.encryption.algorithm.value)
} else := key_verdict(bucket.encryption.kms_key)

algorithm_name(bucket) := "not configured" if bucket.encryption.algorithm.value == null

else := bucket.encryption.algorithm.value

kms_algorithm("aws:kms")

kms_algorithm("aws:kms:dsse")

# key_verdict judges the key an SSE-KMS bucket encrypts with.
key_verdict(key) := result.unknown_leaf(key.ref, "encryption.kms_key") if {
	leaf.unknown(key.ref)
} else := result.fail("SSE-KMS uses the AWS managed key aws/s3, not a customer managed key", "encryption.kms_key") if {
	key.ref.value == null
} else := result.fail(
	sprintf("SSE-KMS uses the AWS managed key %s, not a customer managed key", [key.ref.value]),
	"encryption.kms_key",
) if {
	aws_managed_alias(key.ref.value)
} else := manager_verdict(input.kms_keys[key.target]) if {
	key.target
} else := result.unknown(
	sprintf("the key %s is outside the scanned scope, so whether the firm manages it cannot be told", [key.ref.value]),
	"encryption.kms_key",
)

manager_verdict(key) := result.unknown_leaf(key.manager, "encryption.kms_key") if {
	leaf.unknown(key.manager)
} else := result.pass("default encryption is SSE-KMS with a customer managed key") if {
	key.manager.value == "CUSTOMER"
} else := result.fail("SSE-KMS uses an AWS managed key, not a customer managed key", "encryption.kms_key")

aws_managed_alias(ref) if startswith(ref, "alias/aws/")

aws_managed_alias(ref) if contains(ref, ":alias/aws/")
