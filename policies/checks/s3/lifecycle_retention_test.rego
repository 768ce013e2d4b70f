package lexguard.checks.s3.lifecycle_retention_test

import data.lexguard.checks.s3.lifecycle_retention
import data.lexguard.lib.fixtures.s3_test as s3
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in lifecycle_retention.results with input as model}

expiring(days) := object.union(s3.lifecycle_rule, {"id": "ExpireDrafts", "prefix": "drafts/", "expiration_days": days})

with_rules(rules) := fx.with_bucket({"lifecycle": fx.known(rules)})

test_no_current_expiry_passes if statuses(fx.model) == {"PASS"}

test_no_rules_passes if statuses(with_rules([])) == {"PASS"}

test_expiry_after_retention_passes if statuses(with_rules([expiring(2555)])) == {"PASS"}

test_early_expiry_fails_naming_the_rule if {
	results := lifecycle_retention.results with input as with_rules([s3.lifecycle_rule, expiring(365)])
	some r in results
	r.status == "FAIL"
	r.message == "lifecycle rule ExpireDrafts expires current objects after 365 days, before the 2555-day retention period"
}

test_unnamed_early_rule_fails if {
	results := lifecycle_retention.results with input as with_rules([object.union(expiring(30), {"id": null})])
	some r in results
	contains(r.message, "rule (unnamed) expires")
}

test_disabled_early_rule_passes if statuses(with_rules([object.union(expiring(30), {"enabled": false})])) == {"PASS"}

test_log_bucket_uses_audit_log_retention if {
	model := object.union(with_rules([expiring(400)]), {
		"config": {"audit_log_retention_days": 365},
		"s3_buckets": {"docs": {"holds": "trail_logs"}},
	})
	statuses(model) == {"PASS"}
}

test_document_bucket_uses_document_retention if {
	model := object.union(with_rules([expiring(400)]), {"config": {"audit_log_retention_days": 365}})
	statuses(model) == {"FAIL"}
}

test_unknown_lifecycle_is_unknown if statuses(fx.with_bucket({"lifecycle": fx.unknown_leaf})) == {"UNKNOWN"}

test_unresolved_rule_is_unknown if {
	statuses(with_rules([object.union(s3.lifecycle_rule, {"unresolved": ["ExpirationInDays"]})])) == {"UNKNOWN"}
}
