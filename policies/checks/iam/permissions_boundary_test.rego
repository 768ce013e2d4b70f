package lexguard.checks.iam.permissions_boundary_test

import data.lexguard.checks.iam.permissions_boundary
import data.lexguard.lib.fixtures_test as fx

by_id(model) := {r.resource: r | some r in permissions_boundary.results with input as model}

# unbounded patches a role to have no permissions boundary.
unbounded := {"permissions_boundary": {"ref": fx.known(null), "target": null}}

without_boundary := fx.replaced("/iam_roles/records/permissions_boundary", {"ref": fx.known(null)})

trusting(principals) := fx.replaced("/iam_roles/records/trust_policy", fx.known({"statements": [object.union(
	fx.trust_statement,
	{"principals": principals},
)]}))

test_role_people_assume_with_boundary_passes if {
	r := by_id(fx.model).records
	r.status == "PASS"
	r.message == "the role has the permissions boundary read_documents"
}

test_role_people_assume_without_boundary_fails if {
	r := by_id(without_boundary).records
	r.status == "FAIL"
	r.message == "people may assume the role, which has no permissions boundary"
}

test_role_another_account_assumes_is_delegated if {
	model := object.union(trusting(fx.principals(["444455556666"])), {"iam_roles": {"records": unbounded}})
	by_id(model).records.status == "FAIL"
}

test_federated_role_is_delegated if {
	saml := object.union(fx.principals([]), {"federated": ["arn:aws:iam::111122223333:saml-provider/FirmIdP"]})
	by_id(trusting(saml)).records.status == "PASS"
}

test_break_glass_role_not_applicable if by_id(fx.model).break_glass.status == "NOT_APPLICABLE"

test_service_role_not_applicable if by_id(trusting(fx.service_principals(["lambda.amazonaws.com"]))).records.status == "NOT_APPLICABLE"

test_generated_name_without_boundary_is_unknown if {
	model := json.patch(without_boundary, [{"op": "replace", "path": "/iam_roles/records/name", "value": fx.unknown_leaf}])
	by_id(model).records.status == "UNKNOWN"
}

test_unresolved_principal_is_unknown if {
	model := fx.replaced("/iam_roles/records/trust_policy", fx.known({"statements": [object.union(
		fx.trust_statement,
		{"principals": fx.principals([]), "unresolved": ["Principal.AWS[0]"]},
	)]}))
	by_id(model).records.status == "UNKNOWN"
}

test_unknown_boundary_is_unknown if by_id(fx.with_role({"permissions_boundary": {"ref": fx.unknown_leaf}})).records.status == "UNKNOWN"

test_unknown_trust_policy_is_unknown if by_id(fx.with_role({"trust_policy": fx.unknown_leaf})).records.status == "UNKNOWN"
