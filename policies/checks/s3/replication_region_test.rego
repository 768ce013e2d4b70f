package lexguard.checks.s3.replication_region_test

import data.lexguard.checks.s3.replication_region
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in replication_region.results with input as model}

replica(region) := {
	"id": "CopyToDr",
	"enabled": true,
	"destination_bucket_arn": "arn:aws:s3:::docs-replica",
	"destination_region": region,
	"unresolved": [],
}

with_rules(rules) := fx.with_bucket({"replication": fx.known(rules)})

test_no_replication_not_applicable if statuses(fx.model) == {"NOT_APPLICABLE"}

test_disabled_rule_not_applicable if statuses(with_rules([object.union(replica("us-east-1"), {"enabled": false})])) == {"NOT_APPLICABLE"}

test_approved_destination_passes if statuses(with_rules([replica("eu-central-1")])) == {"PASS"}

test_other_destination_fails if {
	results := replication_region.results with input as with_rules([replica("eu-central-1"), replica("us-east-1")])
	some r in results
	r.status == "FAIL"
	r.message == "replication rule CopyToDr copies objects to us-east-1, which is not an approved region"
}

test_destination_region_not_known_is_unknown if {
	results := replication_region.results with input as with_rules([replica(null)])
	some r in results
	r.status == "UNKNOWN"
	contains(r.message, "arn:aws:s3:::docs-replica")
}

test_unresolved_destination_is_unknown if {
	rule := object.union(replica(null), {"destination_bucket_arn": null, "unresolved": ["Destination.Bucket"]})
	statuses(with_rules([rule])) == {"UNKNOWN"}
}

test_unknown_replication_is_unknown if statuses(fx.with_bucket({"replication": fx.unknown_leaf})) == {"UNKNOWN"}
