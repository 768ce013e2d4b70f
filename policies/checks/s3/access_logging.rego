# METADATA
# title: S3 buckets write server access logs to a separate log bucket
# description: |
#   Access to client information leaves an audit trail. Server access logs record every request to the
#   bucket; they go to a separate bucket so that whoever can change the bucket cannot erase the record
#   of it. A bucket that receives access logs is exempt: logging it would log its own log writes.
# custom:
#   id: LG-S3-011
#   severity: MEDIUM
#   clauses: [CP-08]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Turn on server access logging with a separate log bucket as the target.
#   cdk: "new s3.Bucket(this, 'Docs', { serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: 'docs/' })"
package lexguard.checks.s3.access_logging

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.not_applicable("the bucket receives server access logs; logging it would log its own log writes") if {
	bucket.holds == "access_logs"
} else := result.unknown_leaf(bucket.logging.target_bucket.ref, "logging.target_bucket") if {
	leaf.unknown(bucket.logging.target_bucket.ref)
} else := result.fail("server access logging is off", "logging.target_bucket") if {
	bucket.logging.target_bucket.ref.value == null
} else := result.fail("server access logs go to the bucket itself, not to a separate log bucket", "logging.target_bucket") if {
	logs_to_itself(bucket)
} else := result.pass(sprintf("server access logs go to %s", [bucket.logging.target_bucket.ref.value]))

logs_to_itself(bucket) if bucket.logging.target_bucket.target == bucket.id

logs_to_itself(bucket) if {
	leaf.known(bucket.name)
	bucket.logging.target_bucket.ref.value == bucket.name.value
}
