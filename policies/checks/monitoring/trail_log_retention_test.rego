package lexguard.checks.monitoring.trail_log_retention_test

import data.lexguard.checks.monitoring.trail_log_retention
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in trail_log_retention.results with input as model
}

test_seven_years_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "log group audit keeps the trail's events 2557 days"
}

test_forever_passes if only(fx.with_log_group({"retention_days": fx.known(null)})).status == "PASS"

test_short_retention_fails if {
	r := only(fx.with_log_group({"retention_days": fx.known(731)}))
	r.status == "FAIL"
	endswith(r.message, "731 days, less than the 2555 days audit logs are kept")
}

test_trail_without_log_group_not_applicable if {
	only(fx.replaced("/cloudtrail_trails/trail/log_group", fx.no_link)).status == "NOT_APPLICABLE"
}

test_log_group_outside_the_scan_is_unknown if {
	only(fx.replaced("/cloudtrail_trails/trail/log_group", {"ref": fx.known("central")})).status == "UNKNOWN"
}

test_unknown_retention_is_unknown if only(fx.with_log_group({"retention_days": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_log_group_is_unknown if only(fx.with_trail({"log_group": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"
