# METADATA
# title: S3 buckets disable ACLs (object ownership BucketOwnerEnforced)
# description: |
#   With ACLs disabled, the firm's account owns every object and access is decided by policies alone,
#   so no object uploaded with a public or cross-account ACL can slip past them.
# custom:
#   id: LG-S3-009
#   severity: MEDIUM
#   clauses: [CP-07]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Set the bucket's object ownership to BucketOwnerEnforced.
#   cdk: "new s3.Bucket(this, 'Docs', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED })"
package lexguard.checks.s3.object_ownership

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.ownership, "ownership") if {
	leaf.unknown(bucket.ownership)
} else := result.pass("ACLs are disabled (BucketOwnerEnforced)") if {
	bucket.ownership.value == "BucketOwnerEnforced"
} else := result.fail(
	sprintf("object ownership is %s, so ACLs still decide access", [bucket.ownership.value]),
	"ownership",
)
