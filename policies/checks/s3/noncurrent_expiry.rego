# METADATA
# title: S3 lifecycle rules dispose of old versions after the retention period, not before
# description: |
#   Client information is disposed of once it is no longer required. In a versioned bucket, overwritten
#   and deleted documents live on as noncurrent versions: an enabled lifecycle rule covering the whole
#   bucket must expire them, and no rule may expire them before the retention period (client documents
#   for document buckets, audit logs for log buckets).
# custom:
#   id: LG-S3-014
#   severity: LOW
#   clauses: [CP-11]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Add a lifecycle rule for the whole bucket that expires noncurrent versions after the retention
#     period.
#   cdk: "bucket.addLifecycleRule({ noncurrentVersionExpiration: Duration.days(2555) })"
package lexguard.checks.s3.noncurrent_expiry

import data.lexguard.lib.leaf
import data.lexguard.lib.names
import data.lexguard.lib.result
import data.lexguard.lib.retention

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.versioning.status, "versioning.status") if {
	leaf.unknown(bucket.versioning.status)
} else := result.not_applicable("versioning has never been on, so the bucket keeps no old versions") if {
	bucket.versioning.status.value == "Disabled"
} else := result.unknown_leaf(bucket.lifecycle, "lifecycle") if {
	leaf.unknown(bucket.lifecycle)
} else := lifecycle_verdict(bucket)

lifecycle_verdict(bucket) := result.fail(
	sprintf(
		"lifecycle rule %s expires old versions after %d days, before the %d-day retention period",
		[names.of(early[0]), early[0].noncurrent_expiration_days, retention.days(bucket)],
	),
	"lifecycle",
) if {
	early := [rule |
		some rule in bucket.lifecycle.value
		rule.enabled
		rule.noncurrent_expiration_days != null
		rule.noncurrent_expiration_days < retention.days(bucket)
	]
	count(early) > 0
} else := result.pass(sprintf(
	"lifecycle rule %s expires old versions after the retention period",
	[names.of(disposing[0])],
)) if {
	disposing := [rule | some rule in bucket.lifecycle.value; disposes_of_old_versions(rule)]
	count(disposing) > 0
} else := result.unknown(
	"part of a lifecycle rule could not be resolved, so whether it expires old versions cannot be told",
	"lifecycle",
) if {
	some rule in bucket.lifecycle.value
	count(rule.unresolved) > 0
} else := result.fail("no lifecycle rule expires old versions, so they are kept forever", "lifecycle")

disposes_of_old_versions(rule) if {
	rule.enabled
	rule.prefix == ""
	count(rule.unresolved) == 0
	rule.noncurrent_expiration_days != null
}
