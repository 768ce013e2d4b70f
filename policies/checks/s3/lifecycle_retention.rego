# METADATA
# title: S3 lifecycle rules never expire current objects before the retention period
# description: |
#   Client information is kept as long as required. No enabled lifecycle rule may expire current
#   objects before the retention period: client documents for document buckets, audit logs for buckets
#   that hold access or trail logs (input.config).
# custom:
#   id: LG-S3-013
#   severity: HIGH
#   clauses: [CP-11]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Remove the expiration from the lifecycle rule, or set it to at least the retention period.
#   cdk: "bucket.addLifecycleRule({ expiration: Duration.days(2555) })"
package lexguard.checks.s3.lifecycle_retention

import data.lexguard.lib.leaf
import data.lexguard.lib.names
import data.lexguard.lib.result
import data.lexguard.lib.retention

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.lifecycle, "lifecycle") if {
	leaf.unknown(bucket.lifecycle)
} else := result.fail(
	sprintf(
		"lifecycle rule %s expires current objects after %d days, before the %d-day retention period",
		[names.of(early[0]), early[0].expiration_days, retention.days(bucket)],
	),
	"lifecycle",
) if {
	early := [rule |
		some rule in bucket.lifecycle.value
		rule.enabled
		rule.expiration_days != null
		rule.expiration_days < retention.days(bucket)
	]
	count(early) > 0
} else := result.unknown(
	"part of a lifecycle rule could not be resolved, so whether it expires objects early cannot be told",
	"lifecycle",
) if {
	some rule in bucket.lifecycle.value
	count(rule.unresolved) > 0
} else := result.pass(sprintf("no lifecycle rule expires current objects before %d days", [retention.days(bucket)]))
