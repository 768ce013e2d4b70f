# METADATA
# title: Trails record reads and writes of sensitive document buckets
# description: |
#   Access to client information leaves an audit trail: who read or changed which document. Management
#   events do not show object reads and writes; only S3 data events do. Every bucket holding documents
#   classified with a sensitive classification (or unclassified) needs a trail recording its data
#   events, reads and writes, for the whole bucket. Log buckets are exempt: recording the trail's own
#   deliveries would feed on itself.
# custom:
#   id: LG-CT-005
#   severity: HIGH
#   clauses: [CP-08]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Add an S3 data event selector (read and write) for the bucket to a trail.
#   cdk: "trail.addS3EventSelector([{ bucket: documents }], { readWriteType: cloudtrail.ReadWriteType.ALL })"
package lexguard.checks.cloudtrail.data_events

import data.lexguard.lib.classification
import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.not_applicable(sprintf("the bucket holds %s, not documents", [bucket.holds])) if {
	bucket.holds != "documents"
} else := result.unknown_leaf(bucket.tags, "tags") if {
	leaf.unknown(bucket.tags)
} else := result.not_applicable(sprintf("the bucket is classified %s", [classification.of(bucket)])) if {
	not classification.sensitive(bucket)
} else := result.unknown_leaf(bucket.data_event_trails[unread[0]], concat(".", ["data_event_trails", unread[0]])) if {
	unread := [direction | some direction in ["read", "write"]; leaf.unknown(bucket.data_event_trails[direction])]
	count(unread) > 0
} else := result.fail(
	concat("", ["no trail records the bucket's object ", concat("s or ", missing), "s (S3 data events)"]),
	concat(".", ["data_event_trails", missing[0]]),
) if {
	missing := [direction | some direction in ["read", "write"]; count(bucket.data_event_trails[direction].value) == 0]
	count(missing) > 0
} else := result.pass(sprintf(
	"trail %s records the bucket's object reads and trail %s its writes",
	[bucket.data_event_trails.read.value[0], bucket.data_event_trails.write.value[0]],
))
