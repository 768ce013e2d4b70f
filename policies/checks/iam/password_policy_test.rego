package lexguard.checks.iam.password_policy_test

import data.lexguard.checks.iam.password_policy
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in password_policy.results with input as model
}

with_policy(patch) := fx.with_account({"password_policy": {"value": patch}})

test_strong_policy_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "passwords have at least 14 characters of every class, and the last 24 cannot be reused"
}

test_short_passwords_and_reuse_fail if {
	r := only(with_policy({"minimum_length": 8, "reuse_prevention": 0}))
	r.status == "FAIL"
	r.message == "the password policy falls short: minimum length 8, not 14, reuse prevention 0, not 24"
}

test_missing_character_classes_fail if {
	r := only(with_policy({"require_symbols": false, "require_lowercase": false}))
	r.message == "the password policy falls short: symbols not required, lower case letters not required"
}

test_configured_minimum_is_used if {
	model := object.union(fx.model, {"config": {"password_policy": {"minimum_length": 20}}})
	contains(only(model).message, "minimum length 14, not 20")
}

test_no_policy_fails if only(fx.with_account({"password_policy": fx.known(null)})).status == "FAIL"

test_unknown_policy_is_unknown if only(fx.replaced("/accounts/account/password_policy", fx.unknown_leaf)).status == "UNKNOWN"
