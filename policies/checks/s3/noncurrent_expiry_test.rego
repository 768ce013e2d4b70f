package lexguard.checks.s3.noncurrent_expiry_test

import data.lexguard.checks.s3.noncurrent_expiry
import data.lexguard.lib.fixtures.s3_test as s3
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in noncurrent_expiry.results with input as model}

with_rules(rules) := fx.with_bucket({"lifecycle": fx.known(rules)})

test_expiry_after_retention_passes if {
	results := noncurrent_expiry.results with input as fx.model
	some r in results
	r.status == "PASS"
	r.message == "lifecycle rule ExpireOldVersions expires old versions after the retention period"
}

test_no_rule_fails if {
	results := noncurrent_expiry.results with input as with_rules([])
	some r in results
	r.status == "FAIL"
	r.message == "no lifecycle rule expires old versions, so they are kept forever"
}

test_early_expiry_fails if {
	results := noncurrent_expiry.results with input as with_rules([object.union(s3.lifecycle_rule, {"noncurrent_expiration_days": 30})])
	some r in results
	r.status == "FAIL"
	contains(r.message, "after 30 days, before the 2555-day retention period")
}

test_rule_for_a_prefix_only_fails if statuses(with_rules([object.union(s3.lifecycle_rule, {"prefix": "drafts/"})])) == {"FAIL"}

test_disabled_rule_fails if statuses(with_rules([object.union(s3.lifecycle_rule, {"enabled": false})])) == {"FAIL"}

test_suspended_versioning_still_needs_expiry if {
	model := object.union(with_rules([]), {"s3_buckets": {"docs": {"versioning": {"status": fx.known("Suspended")}}}})
	statuses(model) == {"FAIL"}
}

test_never_versioned_not_applicable if {
	model := object.union(with_rules([]), {"s3_buckets": {"docs": {"versioning": {"status": fx.known("Disabled")}}}})
	statuses(model) == {"NOT_APPLICABLE"}
}

test_unknown_versioning_is_unknown if statuses(fx.with_bucket({"versioning": {"status": fx.unknown_leaf}})) == {"UNKNOWN"}

test_unknown_lifecycle_is_unknown if statuses(fx.with_bucket({"lifecycle": fx.unknown_leaf})) == {"UNKNOWN"}

test_unresolved_rule_is_unknown if {
	rule := object.union(s3.lifecycle_rule, {"noncurrent_expiration_days": null, "unresolved": ["NoncurrentVersionExpiration"]})
	statuses(with_rules([rule])) == {"UNKNOWN"}
}
