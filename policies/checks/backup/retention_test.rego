package lexguard.checks.backup.retention_test

import data.lexguard.checks.backup.retention
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in retention.results with input as model
}

rule(name, days) := object.union(fx.model.backup_plans.plan.rules.value[0], {"name": name, "delete_after_days": days})

with_rules(rules) := fx.replaced("/backup_plans/plan/rules", fx.known(rules))

test_seven_years_passes if only(fx.model).message == "rule Daily keeps recovery points 2555 days"

test_kept_until_deleted_passes if {
	only(with_rules([rule("Daily", null)])).message == "rule Daily keeps recovery points until they are deleted by hand"
}

test_short_series_beside_a_long_one_pass if {
	only(with_rules([rule("Daily", 35), rule("Weekly", 91), rule("Monthly", 2555)])).status == "PASS"
}

test_only_short_series_fail if {
	r := only(with_rules([rule("Daily", 35), rule("Weekly", 91)]))
	r.status == "FAIL"
	r.message == "no rule keeps recovery points for the 2555 days documents are kept: rule Daily 35 days, rule Weekly 91 days"
}

test_unresolved_retention_is_unknown if {
	monthly := object.union(rule("Monthly", null), {"unresolved": ["Lifecycle.DeleteAfterDays"]})
	only(with_rules([rule("Daily", 35), monthly])).status == "UNKNOWN"
}

test_plan_without_rules_not_applicable if only(with_rules([])).status == "NOT_APPLICABLE"

test_unknown_rules_are_unknown if only(fx.replaced("/backup_plans/plan/rules", fx.unknown_leaf)).status == "UNKNOWN"

test_two_rules_long_enough_pass_naming_the_first if {
	only(with_rules([rule("Monthly", 2555), rule("Yearly", 3650)])).message == "rule Monthly keeps recovery points 2555 days"
}

unresolved_rule(name) := object.union(rule(name, null), {"unresolved": ["Lifecycle.DeleteAfterDays"]})

test_two_unresolved_rules_are_unknown if {
	only(with_rules([unresolved_rule("Daily"), unresolved_rule("Weekly")])).status == "UNKNOWN"
}
