package lexguard.checks.iam.administrator_access_test

import data.lexguard.checks.iam.administrator_access
import data.lexguard.lib.fixtures_test as fx

by_id(model) := {r.resource: r | some r in administrator_access.results with input as model}

admin_policy := "arn:aws:iam::aws:policy/AdministratorAccess"

admin_link := fx.link(admin_policy, admin_policy)

test_least_privilege_and_break_glass_pass if {
	results := by_id(fx.model)
	results.alice.status == "PASS"
	results.readers.status == "PASS"
	results.records.status == "PASS"
	results.break_glass.status == "NOT_APPLICABLE"
	results.break_glass.message == "BreakGlass is a break-glass role"
}

test_administrator_access_on_a_group_fails if {
	r := by_id(fx.with_group({"managed_policies": fx.known([admin_link])})).readers
	r.status == "FAIL"
	r.message == "policy arn:aws:iam::aws:policy/AdministratorAccess allows every action on every resource"
}

# Two policies that both grant everything: one FAIL naming the first, not an evaluation error.
test_two_admin_policies_fail_once if {
	statement := fx.statement({"actions": ["*"], "resources": ["*"]})
	everything := fx.known([fx.inline_policy("Everything", [statement])])
	r := by_id(fx.with_group({"managed_policies": fx.known([admin_link]), "inline_policies": everything})).readers
	r.status == "FAIL"
}

test_inline_admin_statement_on_a_user_fails if {
	statement := fx.statement({"actions": ["*:*"], "resources": ["*"]})
	r := by_id(fx.with_user({"inline_policies": fx.known([fx.inline_policy("Everything", [statement])])})).alice
	r.status == "FAIL"
	r.property == "inline_policies"
}

test_everything_on_some_resources_passes if {
	statement := fx.statement({"actions": ["*"], "resources": ["arn:aws:s3:::docs/*"]})
	by_id(fx.with_user({"inline_policies": fx.known([fx.inline_policy("Docs", [statement])])})).alice.status == "PASS"
}

test_role_named_otherwise_fails if {
	by_id(fx.with_resource("iam_roles", "break_glass", {"name": fx.known("Admin")})).break_glass.status == "FAIL"
}

test_admin_role_with_generated_name_is_unknown if {
	r := by_id(fx.with_resource("iam_roles", "break_glass", {"name": fx.unknown_leaf})).break_glass
	r.status == "UNKNOWN"
	startswith(r.message, "policy arn:aws:iam::aws:policy/AdministratorAccess allows every action on every resource, and whether")
}

test_aws_managed_administrator_access_without_document_fails_by_name if {
	model := json.patch(fx.model, [
		{"op": "replace", "path": "/iam_groups/readers/managed_policies", "value": fx.known([admin_link])},
		{"op": "replace", "path": "/iam_managed_policies/arn:aws:iam::aws:policy~1AdministratorAccess/document", "value": fx.unknown_leaf},
	])
	by_id(model).readers.status == "FAIL"
}

test_other_aws_managed_policy_without_document_passes if {
	model := json.patch(fx.model, [
		{"op": "replace", "path": "/iam_groups/readers/managed_policies", "value": fx.known([fx.link("ro", "ro")])},
		{"op": "add", "path": "/iam_managed_policies/ro", "value": {"aws_managed": true, "document": fx.unknown_leaf}},
	])
	by_id(model).readers.status == "PASS"
}

test_customer_policy_outside_the_scan_is_unknown if {
	model := fx.replaced("/iam_groups/readers/managed_policies", fx.known([{"ref": fx.known("arn:aws:iam::111122223333:policy/Ops")}]))
	by_id(model).readers.status == "UNKNOWN"
}

test_unresolved_allow_is_unknown if {
	statement := fx.statement({"actions": ["s3:GetObject"], "unresolved": ["Resource"]})
	by_id(fx.with_user({"inline_policies": fx.known([fx.inline_policy("P", [statement])])})).alice.status == "UNKNOWN"
}

test_unknown_policies_are_unknown if by_id(fx.with_group({"managed_policies": fx.unknown_leaf})).readers.status == "UNKNOWN"
