package lexguard.checks.cloudtrail.cloudwatch_logs_test

import data.lexguard.checks.cloudtrail.cloudwatch_logs
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in cloudwatch_logs.results with input as model
}

test_delivering_trail_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "the trail delivers its events to CloudWatch Logs group audit"
}

test_log_group_outside_the_scan_passes_by_its_name if {
	r := only(fx.replaced("/cloudtrail_trails/trail/log_group", {"ref": fx.known("arn:aws:logs:eu-west-1:111122223333:log-group:central")}))
	r.status == "PASS"
	contains(r.message, "log-group:central")
}

test_trail_without_log_group_fails if only(fx.with_trail({"log_group": fx.no_link})).status == "FAIL"

test_unknown_log_group_is_unknown if only(fx.with_trail({"log_group": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"
