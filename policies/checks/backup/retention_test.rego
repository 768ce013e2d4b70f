package lexguard.checks.backup.retention_test

import data.lexguard.checks.backup.retention
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in retention.results with input as model
}

copy(patch) := object.union(fx.model.backup_plans.plan.rules.value[0].copy_actions[0], patch)

test_seven_years_passes if only(fx.model).status == "PASS"

test_kept_until_deleted_passes if {
	only(fx.with_plan_rule({"delete_after_days": null, "copy_actions": [copy({"delete_after_days": null})]})).status == "PASS"
}

test_short_retention_fails if {
	r := only(fx.with_plan_rule({"delete_after_days": 35, "copy_actions": [copy({"delete_after_days": 35})]}))
	r.status == "FAIL"
	r.message == "kept less than 2555 days: rule Daily (35 days), the copies of rule Daily (35 days)"
}

test_unresolved_retention_is_unknown if {
	only(fx.with_plan_rule({"delete_after_days": null, "unresolved": ["Lifecycle.DeleteAfterDays"]})).status == "UNKNOWN"
}

test_plan_without_rules_not_applicable if only(fx.replaced("/backup_plans/plan/rules", fx.known([]))).status == "NOT_APPLICABLE"

test_unknown_rules_are_unknown if only(fx.replaced("/backup_plans/plan/rules", fx.unknown_leaf)).status == "UNKNOWN"
