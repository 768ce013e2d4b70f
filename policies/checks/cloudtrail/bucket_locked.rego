# METADATA
# title: Trails deliver to a versioned bucket with Object Lock
# description: |
#   The audit trail cannot be altered or lost. The bucket a trail delivers to keeps every version of a log
#   file (versioning) and locks new log files with a default retention (Object Lock), so neither an
#   overwrite nor a delete can erase the record.
# custom:
#   id: LG-CT-007
#   severity: MEDIUM
#   clauses: [CP-08]
#   resource_kinds: [cloudtrail_trail]
#   sources: [template, live]
#   remediation: |
#     Deliver the trail to a bucket with versioning on and Object Lock with a default retention (in
#     COMPLIANCE mode for the audit-log retention period).
#   cdk: "new s3.Bucket(this, 'TrailLogs', { versioned: true, objectLockDefaultRetention: ObjectLockRetention.compliance(keep) })"
package lexguard.checks.cloudtrail.bucket_locked

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.trail_bucket

results contains result.of(id, verdict(trail)) if some id, trail in input.cloudtrail_trails

verdict(trail) := trail_bucket.unreadable(trail) if {
	trail_bucket.unreadable(trail)
} else := judge(trail_bucket.of(trail))

judge(bucket) := result.unknown_leaf(bucket.versioning.status, "bucket") if {
	leaf.unknown(bucket.versioning.status)
} else := result.fail(sprintf("the trail's bucket has versioning %s", [bucket.versioning.status.value]), "bucket") if {
	bucket.versioning.status.value != "Enabled"
} else := result.unknown_leaf(bucket.object_lock.enabled, "bucket") if {
	leaf.unknown(bucket.object_lock.enabled)
} else := result.fail("the trail's bucket has no Object Lock", "bucket") if {
	bucket.object_lock.enabled.value != true
} else := result.unknown_leaf(bucket.object_lock.default_retention, "bucket") if {
	leaf.unknown(bucket.object_lock.default_retention)
} else := result.fail("the trail's bucket locks no new log file: Object Lock has no default retention", "bucket") if {
	bucket.object_lock.default_retention.value == null
} else := result.pass(sprintf(
	"the trail's bucket is versioned and locks new log files for %d days in %s mode",
	[bucket.object_lock.default_retention.value.days, bucket.object_lock.default_retention.value.mode],
))
