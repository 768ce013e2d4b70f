package lexguard.checks.s3.tls_only_test

import data.lexguard.checks.s3.tls_only
import data.lexguard.lib.fixtures.s3_test as s3
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in tls_only.results with input as model}

with_statement(patch) := object.union(fx.model, {"s3_buckets": {"docs": {"policy": policy_with(patch)}}})

policy_with(patch) := fx.known({"statements": [object.union(s3.tls_deny_statement, patch)]})

test_deny_without_secure_transport_passes if statuses(fx.model) == {"PASS"}

test_wildcard_principal_string_passes if {
	statuses(with_statement({"principals": {"wildcard": true, "aws": []}})) == {"PASS"}
}

test_no_policy_fails if {
	statuses(object.union(fx.model, {"s3_buckets": {"docs": {"policy": fx.known(null)}}})) == {"FAIL"}
}

test_allow_instead_of_deny_fails if statuses(with_statement({"effect": "Allow"})) == {"FAIL"}

test_condition_true_fails if {
	condition := {"operator": "Bool", "qualifier": null, "if_exists": false, "key": "aws:securetransport", "values": ["true"]}
	statuses(with_statement({"conditions": [condition]})) == {"FAIL"}
}

test_deny_for_one_principal_fails if {
	statuses(with_statement({"principals": {"wildcard": false, "aws": ["arn:aws:iam::111122223333:root"]}})) == {"FAIL"}
}

test_deny_for_one_action_fails if statuses(with_statement({"actions": ["s3:GetObject"]})) == {"FAIL"}

test_deny_on_bucket_only_fails if statuses(with_statement({"resources": ["arn:aws:s3:::docs"]})) == {"FAIL"}

test_deny_all_actions_wildcard_resource_passes if {
	statuses(with_statement({"actions": ["*"], "resources": ["*"]})) == {"PASS"}
}

test_not_action_fails if statuses(with_statement({"not_actions": ["s3:GetObject"]})) == {"FAIL"}

test_unknown_policy_is_unknown if {
	statuses(object.union(fx.model, {"s3_buckets": {"docs": {"policy": fx.unknown_leaf}}})) == {"UNKNOWN"}
}

test_unresolved_statement_is_unknown if {
	statuses(with_statement({"unresolved": ["Condition.Bool.aws:SecureTransport"]})) == {"UNKNOWN"}
}

test_unresolved_allow_statement_does_not_make_it_unknown if {
	allow := object.union(s3.allow_statement, {"unresolved": ["Principal.AWS"]})
	statuses(fx.with_bucket_policy([allow])) == {"FAIL"}
}

test_unresolved_effect_is_unknown if {
	statuses(with_statement({"effect": "Allow", "unresolved": ["Effect"]})) == {"UNKNOWN"}
}

test_unresolved_whole_statement_is_unknown if {
	whole := object.union(s3.allow_statement, {"principals": null, "unresolved": ["Statement[0]"]})
	statuses(fx.with_bucket_policy([whole])) == {"UNKNOWN"}
}
