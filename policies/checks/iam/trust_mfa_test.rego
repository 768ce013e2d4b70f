package lexguard.checks.iam.trust_mfa_test

import data.lexguard.checks.iam.trust_mfa
import data.lexguard.lib.fixtures_test as fx

records(model) := r if {
	some r in trust_mfa.results with input as model
	r.resource == "records"
}

with_trust(statements) := fx.replaced("/iam_roles/records/trust_policy", fx.known({"statements": statements}))

people(patch) := object.union(fx.trust_statement, patch)

test_trust_requiring_mfa_passes if records(fx.model).status == "PASS"

test_trust_without_mfa_condition_fails if {
	r := records(with_trust([people({"conditions": []})]))
	r.status == "FAIL"
	r.message == "trust statement PeopleWithMfa lets people assume the role without MFA"
}

test_if_exists_condition_fails if {
	condition := fx.condition("Bool", "aws:multifactorauthpresent", ["true"], true)
	records(with_trust([people({"conditions": [condition]})])).status == "FAIL"
}

test_mfa_age_condition_passes if {
	condition := fx.condition("NumericLessThan", "aws:multifactorauthage", ["3600"], false)
	records(with_trust([people({"conditions": [condition]})])).status == "PASS"
}

test_everyone_without_mfa_fails if {
	statement := people({"principals": {"wildcard": true}, "conditions": [], "sid": null})
	records(with_trust([statement])).message == "trust statement #1 lets people assume the role without MFA"
}

test_account_id_principal_is_people if {
	statement := people({"principals": fx.principals(["111122223333"]), "conditions": []})
	records(with_trust([statement])).status == "FAIL"
}

test_service_role_not_applicable if {
	service := fx.statement({"principals": fx.service_principals(["backup.amazonaws.com"]), "actions": ["sts:AssumeRole"]})
	records(with_trust([service])).status == "NOT_APPLICABLE"
}

test_statement_that_only_tags_sessions_is_not_judged if {
	statement := people({"actions": ["sts:TagSession"], "conditions": []})
	records(with_trust([statement])).status == "NOT_APPLICABLE"
}

test_unresolved_condition_is_unknown if {
	records(with_trust([people({"conditions": [], "unresolved": ["Condition.Bool"]})])).status == "UNKNOWN"
}

# Two unresolved statements: one UNKNOWN naming the first, not an evaluation error.
test_two_unresolved_statements_are_unknown if {
	unresolved := people({"conditions": [], "unresolved": ["Condition.Bool"]})
	records(with_trust([unresolved, unresolved])).status == "UNKNOWN"
}

test_unresolved_principal_is_unknown if {
	statement := people({"principals": fx.principals([]), "conditions": [], "unresolved": ["Principal.AWS[0]"]})
	records(with_trust([statement])).status == "UNKNOWN"
}

test_unknown_trust_policy_is_unknown if records(fx.with_role({"trust_policy": fx.unknown_leaf})).status == "UNKNOWN"
