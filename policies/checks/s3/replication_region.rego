# METADATA
# title: S3 replication copies objects only to approved regions
# description: |
#   Client information stays in the jurisdictions the firm approved, copies included: every enabled
#   replication rule must send objects to a bucket in an approved region (input.config.approved_regions).
# custom:
#   id: LG-S3-016
#   severity: HIGH
#   clauses: [CP-12]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Point the replication rule at a destination bucket in an approved region, or remove it.
package lexguard.checks.s3.replication_region

import data.lexguard.lib.leaf
import data.lexguard.lib.names
import data.lexguard.lib.residency
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.replication, "replication") if {
	leaf.unknown(bucket.replication)
} else := result.not_applicable("the bucket does not replicate") if {
	not replicates(bucket)
} else := result.fail(
	sprintf(
		"replication rule %s copies objects to %s, which is not an approved region",
		[names.of(abroad[0]), abroad[0].destination_region],
	),
	"replication",
) if {
	abroad := [rule |
		some rule in bucket.replication.value
		rule.enabled
		rule.destination_region != null
		not residency.approved(rule.destination_region)
	]
	count(abroad) > 0
} else := result.unknown(
	sprintf("the region of replication destination %s cannot be told", [destination(unplaced[0])]),
	"replication",
) if {
	unplaced := [rule | some rule in bucket.replication.value; rule.enabled; rule.destination_region == null]
	count(unplaced) > 0
} else := result.pass("every replication destination is in an approved region")

replicates(bucket) if {
	some rule in bucket.replication.value
	rule.enabled
}

destination(rule) := rule.destination_bucket_arn if rule.destination_bucket_arn != null

else := "(unresolved)"
