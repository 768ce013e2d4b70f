package lexguard.checks.iam.mfa_deny_test

import data.lexguard.checks.iam.mfa_deny
import data.lexguard.lib.fixtures_test as fx

# by_id are the results by resource.
by_id(model) := {r.resource: r | some r in mfa_deny.results with input as model}

readers(model) := by_id(model).readers

records(model) := by_id(model).records

# with_group_policies is the model whose group holds exactly these inline statements, and no managed policy.
with_group_policies(statements) := json.patch(fx.model, [
	{"op": "replace", "path": "/iam_groups/readers/inline_policies", "value": fx.known([fx.inline_policy("P", statements)])},
	{"op": "replace", "path": "/iam_groups/readers/managed_policies", "value": fx.known([])},
])

deny(patch) := object.union(fx.mfa_deny, patch)

with_trust(statements) := fx.replaced("/iam_roles/records/trust_policy", fx.known({"statements": statements}))

test_group_and_role_with_mfa_deny_pass if {
	readers(fx.model).status == "PASS"
	readers(fx.model).message == "policy RequireMfa denies every action to a caller who did not sign in with MFA"
	records(fx.model).status == "PASS"
}

test_group_without_mfa_deny_fails if {
	r := readers(with_group_policies([]))
	r.status == "FAIL"
	r.message == "no policy denies access to a caller who did not sign in with MFA"
}

test_deny_with_bool_but_no_if_exists_fails if {
	condition := fx.condition("Bool", "aws:multifactorauthpresent", ["false"], false)
	readers(with_group_policies([deny({"conditions": [condition]})])).status == "FAIL"
}

test_deny_leaving_out_every_iam_action_fails if {
	readers(with_group_policies([deny({"not_actions": ["iam:*", "sts:GetSessionToken"]})])).status == "FAIL"
}

test_deny_of_some_actions_only_fails if {
	statement := json.patch(fx.mfa_deny, [
		{"op": "replace", "path": "/not_actions", "value": []},
		{"op": "replace", "path": "/actions", "value": ["s3:GetObject"]},
	])
	readers(with_group_policies([statement])).status == "FAIL"
}

test_deny_narrowed_by_a_further_condition_fails if {
	narrowed := array.concat(fx.mfa_deny.conditions, [fx.condition("IpAddress", "aws:sourceip", ["10.0.0.0/8"], false)])
	readers(with_group_policies([deny({"conditions": narrowed})])).status == "FAIL"
}

test_deny_of_every_action_passes if {
	statement := json.patch(fx.mfa_deny, [
		{"op": "replace", "path": "/not_actions", "value": []},
		{"op": "replace", "path": "/actions", "value": ["*"]},
	])
	readers(with_group_policies([statement])).status == "PASS"
}

test_deny_in_an_attached_managed_policy_passes if {
	model := json.patch(fx.model, [
		{"op": "replace", "path": "/iam_groups/readers/inline_policies", "value": fx.known([])},
		{"op": "replace", "path": "/iam_managed_policies/read_documents/document/value/statements/0", "value": fx.mfa_deny},
	])
	readers(model).message == "policy read_documents denies every action to a caller who did not sign in with MFA"
}

test_unknown_policies_are_unknown if readers(fx.with_group({"inline_policies": fx.unknown_leaf})).status == "UNKNOWN"

# Both lists unknown (GetAccountAuthorizationDetails denied): one UNKNOWN, not an evaluation error.
test_both_policy_lists_unknown_are_unknown if {
	readers(fx.with_group({"inline_policies": fx.unknown_leaf, "managed_policies": fx.unknown_leaf})).status == "UNKNOWN"
}

test_managed_policy_outside_the_scan_is_unknown if {
	model := json.patch(with_group_policies([]), [{
		"op": "replace", "path": "/iam_groups/readers/managed_policies",
		"value": fx.known([{"ref": fx.known("arn:aws:iam::111122223333:policy/RequireMfa")}]),
	}])
	r := readers(model)
	r.status == "UNKNOWN"
	contains(r.message, "the managed policy arn:aws:iam::111122223333:policy/RequireMfa is outside the scanned scope")
}

test_aws_managed_policy_without_document_is_taken_not_to_hold_the_deny if {
	model := json.patch(with_group_policies([]), [
		{"op": "replace", "path": "/iam_groups/readers/managed_policies", "value": fx.known([fx.link("ro", "ro")])},
		{"op": "add", "path": "/iam_managed_policies/ro", "value": {"aws_managed": true, "document": fx.unknown_leaf}},
	])
	readers(model).status == "FAIL"
}

test_unresolved_deny_is_unknown if {
	readers(with_group_policies([deny({"unresolved": ["Condition.BoolIfExists"]})])).status == "UNKNOWN"
}

test_role_people_assume_without_mfa_deny_fails if {
	model := fx.replaced("/iam_roles/records/inline_policies", fx.known([]))
	records(model).status == "FAIL"
}

test_service_role_not_applicable if {
	service := fx.statement({"principals": fx.service_principals(["lambda.amazonaws.com"]), "actions": ["sts:AssumeRole"]})
	records(with_trust([service])).status == "NOT_APPLICABLE"
}

test_role_assumed_by_another_role_not_applicable if {
	chained := fx.statement({"principals": fx.principals(["arn:aws:iam::111122223333:role/Deployer"]), "actions": ["sts:AssumeRole"]})
	records(with_trust([chained])).status == "NOT_APPLICABLE"
}

test_role_assumed_by_a_user_needs_the_deny if {
	user := fx.statement({"principals": fx.principals(["arn:aws:iam::111122223333:user/alice"]), "actions": ["sts:AssumeRole"]})
	model := json.patch(with_trust([user]), [{"op": "replace", "path": "/iam_roles/records/inline_policies", "value": fx.known([])}])
	records(model).status == "FAIL"
}

test_federated_role_is_unknown if {
	saml := fx.statement({
		"principals": object.union(fx.principals([]), {"federated": ["arn:aws:iam::111122223333:saml-provider/Okta"]}),
		"actions": ["sts:AssumeRoleWithSAML"],
	})
	r := records(with_trust([saml]))
	r.status == "UNKNOWN"
	contains(r.message, "SAML or OIDC federation")
}

test_unresolved_principal_is_unknown if {
	statement := fx.statement({"principals": fx.principals([]), "actions": ["sts:AssumeRole"], "unresolved": ["Principal.AWS[0]"]})
	records(with_trust([statement])).status == "UNKNOWN"
}

test_unknown_trust_policy_is_unknown if records(fx.with_role({"trust_policy": fx.unknown_leaf})).status == "UNKNOWN"

# Two policies that cannot be read: one UNKNOWN naming the first, not an evaluation error.
test_two_unreadable_policies_are_unknown if {
	outside := [fx.link("arn:aws:iam::111122223333:policy/a", "a"), fx.link("arn:aws:iam::111122223333:policy/b", "b")]
	model := json.patch(fx.with_group({"inline_policies": fx.known([]), "managed_policies": fx.known(outside)}), [
		{"op": "add", "path": "/iam_managed_policies/a", "value": {"aws_managed": false, "document": fx.unknown_leaf}},
		{"op": "add", "path": "/iam_managed_policies/b", "value": {"aws_managed": false, "document": fx.unknown_leaf}},
	])
	readers(model).status == "UNKNOWN"
}
