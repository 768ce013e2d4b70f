package lexguard.lib.metric_alarms_test

import data.lexguard.checks.monitoring.root_use
import data.lexguard.lib.fixtures_test as fx
import data.lexguard.lib.metric_alarms

# The rules share metric_alarms.verdict; these tests walk it through root_use.
only(model) := r if {
	some r in root_use.results with input as model
}

with_root_filter(patch) := fx.with_resource("cloudwatch_metric_filters", "root", patch)

with_root_alarm(patch) := fx.with_resource("cloudwatch_alarms", "root_alarm", patch)

compact(pattern) := {"pattern_compact": fx.known(pattern)}

test_terms_match_however_the_pattern_is_spaced_or_quoted if {
	unquoted := `{$.userIdentity.type=Root&&$.userIdentity.invokedByNOTEXISTS&&$.eventType!=AwsServiceEvent}`
	metric_alarms.matches(compact(unquoted), root_use.terms)
	quoted := `{($.userIdentity.type="Root")&&($.userIdentity.invokedByNOTEXISTS)&&($.eventType!="AwsServiceEvent")}`
	metric_alarms.matches(compact(quoted), root_use.terms)
}

test_a_term_must_stand_whole if {
	not metric_alarms.mentions("{($.eventName=CreatePolicyVersion)}", "$.eventName=CreatePolicy")
	metric_alarms.mentions("{($.eventName=CreatePolicyVersion)}", "$.eventName=CreatePolicyVersion")
	metric_alarms.mentions("$.eventName=CreatePolicy", "$.eventName=CreatePolicy")
}

test_a_negated_term_does_not_match if not metric_alarms.mentions("{$.userIdentity.type!=Root}", "$.userIdentity.type=Root")

test_no_audit_trail_fails_as_the_trail_rule_does if {
	r := only(fx.with_trail({"multi_region": fx.known(false)}))
	r.status == "FAIL"
	startswith(r.message, "no trail records every management event of every region, so no metric filter can watch for root account use")
	endswith(r.message, ": trail trail: it records one region only")
}

test_no_trail_in_scope_fails if {
	r := only(fx.with_account({"trails": fx.known([])}))
	contains(r.message, "the scan's scope holds no trail, so no metric filter can watch")
}

test_unknown_trails_are_unknown if only(fx.with_account({"trails": fx.unknown_leaf})).status == "UNKNOWN"

test_trail_not_delivering_to_cloudwatch_logs_fails if {
	r := only(fx.replaced("/cloudtrail_trails/trail/log_group", fx.no_link))
	r.status == "FAIL"
	r.message == concat("", [
		"no trail that records every management event of every region delivers to CloudWatch Logs, ",
		"so nothing alerts on root account use",
	])
}

test_filter_on_another_log_group_does_not_count if {
	model := json.patch(fx.model, [
		{"op": "replace", "path": "/logs_log_groups/audit/metric_filters", "value": fx.known([])},
		{"op": "add", "path": "/logs_log_groups/app", "value": object.union(
			fx.model.logs_log_groups.audit,
			{"id": "app", "metric_filters": fx.known(["root"])},
		)},
	])
	only(model).status == "FAIL"
}

test_filter_without_alarm_fails if {
	r := only(with_root_filter({"alarms": fx.known([])}))
	r.message == "no alarm watches the metric of filter root, so nothing alerts on root account use"
}

test_alarm_with_actions_disabled_fails if {
	r := only(with_root_alarm({"actions_enabled": fx.known(false)}))
	startswith(r.message, "alarm root_alarm does not notify an SNS topic with its actions enabled")
}

test_alarm_notifying_no_topic_fails if {
	action := {"ref": fx.known("arn:aws:automate:eu-west-1:ec2:stop")}
	model := fx.replaced("/cloudwatch_alarms/root_alarm/alarm_actions", fx.known([action]))
	only(model).status == "FAIL"
}

test_topic_outside_the_scan_counts_by_its_arn if {
	action := {"ref": fx.known("arn:aws:sns:eu-west-1:444455556666:central")}
	model := fx.replaced("/cloudwatch_alarms/root_alarm/alarm_actions", fx.known([action]))
	r := only(model)
	r.status == "PASS"
	endswith(r.message, "notifies arn:aws:sns:eu-west-1:444455556666:central")
}

test_log_group_outside_the_scan_is_unknown if {
	r := only(fx.replaced("/cloudtrail_trails/trail/log_group", {"ref": fx.known("central-audit")}))
	r.status == "UNKNOWN"
	contains(r.message, "the log group central-audit of trail trail is outside the scanned scope")
}

test_unknown_log_group_of_the_trail_is_unknown if {
	only(fx.replaced("/cloudtrail_trails/trail/log_group", {"ref": fx.unknown_leaf})).status == "UNKNOWN"
}

test_unknown_filters_of_the_log_group_are_unknown if only(fx.with_log_group({"metric_filters": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_alarms_of_a_filter_are_unknown if only(with_root_filter({"alarms": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_actions_of_an_alarm_are_unknown if only(with_root_alarm({"alarm_actions": fx.unknown_leaf})).status == "UNKNOWN"

test_audit_trail_that_cannot_be_read_is_unknown if only(fx.with_trail({"is_logging": fx.unknown_leaf})).status == "UNKNOWN"
