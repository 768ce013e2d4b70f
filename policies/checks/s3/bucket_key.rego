# METADATA
# title: SSE-KMS buckets use an S3 Bucket Key
# description: |
#   With a bucket key, S3 asks KMS for a data key per bucket rather than per object: fewer KMS calls
#   means the firm's key is not throttled under load and its CloudTrail record stays readable. Bucket
#   keys apply to SSE-KMS only (DSSE-KMS does not support them).
# custom:
#   id: LG-S3-002
#   severity: LOW
#   clauses: [CP-01]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Turn on the S3 Bucket Key in the bucket's default encryption.
#   cdk: "new s3.Bucket(this, 'Docs', { encryption: s3.BucketEncryption.KMS, bucketKeyEnabled: true })"
package lexguard.checks.s3.bucket_key

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.encryption.algorithm, "encryption.algorithm") if {
	leaf.unknown(bucket.encryption.algorithm)
} else := result.not_applicable("bucket keys apply to SSE-KMS only, and the bucket does not use SSE-KMS") if {
	bucket.encryption.algorithm.value != "aws:kms"
} else := result.unknown_leaf(bucket.encryption.bucket_key, "encryption.bucket_key") if {
	leaf.unknown(bucket.encryption.bucket_key)
} else := result.pass("the S3 Bucket Key is on") if {
	bucket.encryption.bucket_key.value == true
} else := result.fail("the S3 Bucket Key is off: every object costs a KMS request", "encryption.bucket_key")
