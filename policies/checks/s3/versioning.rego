# METADATA
# title: S3 buckets keep every version of every object
# description: |
#   Client information is recoverable: with versioning on, an overwritten or deleted document can be
#   restored from its previous version.
# custom:
#   id: LG-S3-010
#   severity: MEDIUM
#   clauses: [CP-10]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Turn on versioning for the bucket.
#   cdk: "new s3.Bucket(this, 'Docs', { versioned: true })"
package lexguard.checks.s3.versioning

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.versioning.status, "versioning.status") if {
	leaf.unknown(bucket.versioning.status)
} else := result.pass("versioning is on") if {
	bucket.versioning.status.value == "Enabled"
} else := result.fail(
	sprintf("versioning is %s, so overwritten or deleted documents cannot be recovered", [lower(bucket.versioning.status.value)]),
	"versioning.status",
)
