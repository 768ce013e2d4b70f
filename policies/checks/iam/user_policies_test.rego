package lexguard.checks.iam.user_policies_test

import data.lexguard.checks.iam.user_policies
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in user_policies.results with input as model
}

test_user_with_group_permissions_only_passes if only(fx.model).status == "PASS"

test_inline_user_policy_fails if {
	r := only(fx.with_user({"inline_policies": fx.known([fx.inline_policy("AliceExtra", [])])}))
	r.status == "FAIL"
	r.message == "the user has inline policies: AliceExtra"
}

test_attached_managed_policy_fails if {
	r := only(fx.with_user({"managed_policies": fx.known([fx.link("read_documents", "read_documents")])}))
	r.message == "managed policies are attached to the user: read_documents"
	r.property == "managed_policies"
}

test_unknown_inline_policies_are_unknown if only(fx.with_user({"inline_policies": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_managed_policies_are_unknown if only(fx.with_user({"managed_policies": fx.unknown_leaf})).status == "UNKNOWN"
