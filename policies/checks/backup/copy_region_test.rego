package lexguard.checks.backup.copy_region_test

import data.lexguard.checks.backup.copy_region
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in copy_region.results with input as model
}

copy(patch) := object.union(fx.model.backup_plans.plan.rules.value[0].copy_actions[0], patch)

test_copy_to_the_other_approved_region_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "every rule copies its recovery points to eu-central-1"
}

test_rule_without_copy_fails if {
	r := only(fx.with_plan_rule({"copy_actions": []}))
	r.status == "FAIL"
	r.message == "rule Daily makes no copy"
}

test_copy_to_an_unapproved_region_fails if {
	r := only(fx.with_plan_rule({"copy_actions": [copy({"destination_region": "us-east-1"})]}))
	r.message == "rule Daily copies to us-east-1, which is not an approved region"
}

test_copy_within_the_region_fails if {
	r := only(fx.with_plan_rule({"copy_actions": [copy({"destination_region": "eu-west-1"})]}))
	r.message == "rule Daily copies only within the plan's own region"
}

test_plan_without_rules_fails if only(fx.replaced("/backup_plans/plan/rules", fx.known([]))).status == "FAIL"

test_copy_to_an_unknown_region_is_unknown if {
	only(fx.with_plan_rule({"copy_actions": [copy({"destination_region": null})]})).status == "UNKNOWN"
}

test_unresolved_copy_is_unknown if {
	r := only(fx.with_plan_rule({"copy_actions": [], "unresolved": ["CopyActions[0].DestinationBackupVaultArn"]}))
	r.status == "UNKNOWN"
	r.message == "rule Daily: CopyActions[0].DestinationBackupVaultArn could not be resolved"
}

test_unknown_plan_region_is_unknown if only(fx.with_resource("backup_plans", "plan", {"region": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_rules_are_unknown if only(fx.replaced("/backup_plans/plan/rules", fx.unknown_leaf)).status == "UNKNOWN"
