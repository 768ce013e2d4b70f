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

import data.lexguard.lib.customer_key
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
} else := customer_key.verdict(bucket.encryption.kms_key, "encryption.kms_key", key_words)

algorithm_name(bucket) := "not configured" if bucket.encryption.algorithm.value == null

else := bucket.encryption.algorithm.value

kms_algorithm("aws:kms")

kms_algorithm("aws:kms:dsse")

# The words of the messages about the key an SSE-KMS bucket encrypts with.
key_words := {
	"none": "SSE-KMS uses the AWS managed key aws/s3, not a customer managed key",
	"uses": "SSE-KMS uses",
	"pass": "default encryption is SSE-KMS with a customer managed key",
}
