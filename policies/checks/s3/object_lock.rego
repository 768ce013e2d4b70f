# METADATA
# title: Sensitive S3 buckets lock objects with a default retention
# description: |
#   Records under legal hold cannot be destroyed early. Buckets classified with a sensitive
#   classification (confidential, privileged) need Object Lock with a default retention, so that every
#   new document is protected from deletion and overwrite. A bucket whose classification is missing or
#   not an allowed one is held to the same control. Buckets that receive server access logs are exempt:
#   S3 cannot deliver access logs to a bucket with a default retention.
# custom:
#   id: LG-S3-012
#   severity: HIGH
#   clauses: [CP-11]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Create the bucket with Object Lock enabled and set a default retention (COMPLIANCE mode for
#     records that must not be shortened by anyone).
#   cdk: "new s3.Bucket(this, 'Docs', { objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(2555)) })"
package lexguard.checks.s3.object_lock

import data.lexguard.lib.classification
import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.not_applicable("S3 cannot deliver server access logs to a bucket with a default retention") if {
	bucket.holds == "access_logs"
} else := result.unknown_leaf(bucket.tags, "tags") if {
	leaf.unknown(bucket.tags)
} else := result.not_applicable(sprintf("the bucket is classified %s", [classification.of(bucket)])) if {
	not classification.sensitive(bucket)
} else := lock_verdict(bucket.object_lock)

lock_verdict(lock) := result.unknown_leaf(lock.enabled, "object_lock.enabled") if {
	leaf.unknown(lock.enabled)
} else := result.fail("Object Lock is off on a sensitive bucket", "object_lock.enabled") if {
	lock.enabled.value != true
} else := result.unknown_leaf(lock.default_retention, "object_lock.default_retention") if {
	leaf.unknown(lock.default_retention)
} else := result.fail("Object Lock has no default retention, so new documents are not locked", "object_lock.default_retention") if {
	lock.default_retention.value == null
} else := result.pass(sprintf(
	"new documents are locked for %d days in %s mode",
	[lock.default_retention.value.days, lock.default_retention.value.mode],
))
