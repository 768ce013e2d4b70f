package lexguard.checks.iam.permissions_boundary_test

import data.lexguard.checks.iam.permissions_boundary
import data.lexguard.lib.fixtures_test as fx

records(model) := r if {
	some r in permissions_boundary.results with input as model
	r.resource == "records"
}

trusting(principals) := fx.replaced("/iam_roles/records/trust_policy", fx.known({"statements": [object.union(
	fx.trust_statement,
	{"principals": principals},
)]}))

auditors := trusting(fx.principals(["arn:aws:iam::444455556666:root"]))

test_role_of_its_own_account_not_applicable if {
	r := records(fx.model)
	r.status == "NOT_APPLICABLE"
	r.message == "only the role's own account may assume it"
}

test_role_another_account_assumes_without_boundary_fails if {
	r := records(auditors)
	r.status == "FAIL"
	r.message == "account 444455556666 may assume the role, which has no permissions boundary"
}

test_role_everyone_may_assume_without_boundary_fails if {
	records(trusting({"wildcard": true, "aws": []})).message == "everyone may assume the role, which has no permissions boundary"
}

test_delegated_role_with_boundary_passes if {
	model := object.union(auditors, {"iam_roles": {"records": {"permissions_boundary": fx.link("AuditorBoundary", "read_documents")}}})
	records(model).status == "PASS"
}

test_service_role_not_applicable if {
	records(trusting(fx.service_principals(["lambda.amazonaws.com"]))).status == "NOT_APPLICABLE"
}

test_unknown_own_account_is_unknown if {
	records(object.union(auditors, {"iam_roles": {"records": {"account": fx.unknown_leaf}}})).status == "UNKNOWN"
}

test_unresolved_principal_is_unknown if {
	model := fx.replaced("/iam_roles/records/trust_policy", fx.known({"statements": [object.union(
		fx.trust_statement,
		{"principals": fx.principals([]), "unresolved": ["Principal.AWS[0]"]},
	)]}))
	records(model).status == "UNKNOWN"
}

test_unknown_boundary_is_unknown if {
	records(object.union(auditors, {"iam_roles": {"records": {"permissions_boundary": {"ref": fx.unknown_leaf}}}})).status == "UNKNOWN"
}

test_unknown_trust_policy_is_unknown if records(fx.with_role({"trust_policy": fx.unknown_leaf})).status == "UNKNOWN"
