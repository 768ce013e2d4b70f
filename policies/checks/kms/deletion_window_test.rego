package lexguard.checks.kms.deletion_window_test

import data.lexguard.checks.kms.deletion_window
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in deletion_window.results with input as model}

test_thirty_days_passes if statuses(fx.model) == {"PASS"}

test_seven_days_fails if {
	results := deletion_window.results with input as fx.with_key({"deletion_window_days": fx.known(7)})
	some r in results
	r.status == "FAIL"
	r.property == "deletion_window_days"
	r.message == "the key can be deleted after 7 days, less than the 30-day minimum"
}

test_configured_minimum_decides if {
	statuses(object.union(fx.model, {"config": {"kms_min_deletion_window_days": 31}})) == {"FAIL"}
}

test_aws_managed_key_not_applicable if statuses(fx.with_key({"manager": fx.known("AWS")})) == {"NOT_APPLICABLE"}

test_unknown_manager_is_unknown if statuses(fx.with_key({"manager": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_window_is_unknown if statuses(fx.with_key({"deletion_window_days": fx.unknown_leaf})) == {"UNKNOWN"}
