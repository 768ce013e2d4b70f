package lexguard.checks.monitoring.iam_policy_changes_test

import data.lexguard.checks.monitoring.iam_policy_changes
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in iam_policy_changes.results with input as model
}

# weakened is the model whose filter for the event has a pattern without some of the essential terms.
weakened := fx.with_resource("cloudwatch_metric_filters", "iam_policy", {
	"pattern": fx.known(`{($.eventName=DeleteGroupPolicy)||($.eventName=CreatePolicyVersion)}`),
	"pattern_compact": fx.known(`{($.eventName=DeleteGroupPolicy)||($.eventName=CreatePolicyVersion)}`),
})

test_cis_pattern_with_alarm_passes if {
	r := only(fx.model)
	r.status == "PASS"
	startswith(r.message, "metric filter iam_policy on log group audit matches")
	endswith(r.message, "and alarm iam_policy_alarm notifies topic")
}

test_pattern_without_an_essential_term_fails if {
	r := only(weakened)
	r.status == "FAIL"
	startswith(r.message, "no metric filter on log group audit matches the event")
}

test_unknown_pattern_is_unknown if {
	model := fx.with_resource("cloudwatch_metric_filters", "iam_policy", {"pattern_compact": fx.unknown_leaf})
	only(model).status == "UNKNOWN"
}
