package lexguard.checks.cloudtrail.audit_trail_test

import data.lexguard.checks.cloudtrail.audit_trail
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	results := audit_trail.results with input as model
	count(results) == 1
	some r in results
}

test_multi_region_logging_trail_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.resource == "account"
	r.message == "trail trail records every management event of every region and is logging"
}

test_no_trail_in_scope_fails if {
	r := only(fx.with_account({"trails": fx.known([])}))
	r.status == "FAIL"
	contains(r.message, "the scan's scope holds no trail")
	contains(r.message, "scan them together, or the live account")
}

test_single_region_trail_fails_naming_why if {
	r := only(fx.with_trail({"multi_region": fx.known(false)}))
	r.status == "FAIL"
	r.message == "no trail records every management event of every region: trail trail: it records one region only"
}

test_stopped_trail_with_read_only_management_events_fails if {
	r := only(fx.with_trail({"is_logging": fx.known(false), "management_events": fx.known("ReadOnly")}))
	r.status == "FAIL"
	contains(r.message, "it is not logging, it records ReadOnly management events, not all")
}

test_excluded_event_source_fails if {
	r := only(fx.with_trail({"excluded_management_event_sources": fx.known(["kms.amazonaws.com"])}))
	r.status == "FAIL"
	contains(r.message, "it leaves out the events of kms.amazonaws.com")
}

test_one_good_trail_among_others_passes if {
	model := object.union(fx.with_account({"trails": fx.known(["regional", "trail"])}), {"cloudtrail_trails": {"regional": object.union(
		fx.model.cloudtrail_trails.trail,
		{"id": "regional", "multi_region": fx.known(false)},
	)}})
	only(model).status == "PASS"
}

test_unknown_trails_are_unknown if only(fx.with_account({"trails": fx.unknown_leaf})).status == "UNKNOWN"

test_trail_that_might_qualify_is_unknown if {
	r := only(fx.with_trail({"multi_region": fx.unknown_leaf}))
	r.status == "UNKNOWN"
	contains(r.message, "trail trail: multi_region: Fn::ImportValue")
}

test_trail_that_fails_on_a_known_property_fails_despite_an_unknown_one if {
	only(fx.with_trail({"multi_region": fx.unknown_leaf, "is_logging": fx.known(false)})).status == "FAIL"
}
