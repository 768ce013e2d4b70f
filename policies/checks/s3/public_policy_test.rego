package lexguard.checks.s3.public_policy_test

import data.lexguard.checks.s3.public_policy
import data.lexguard.lib.fixtures.s3_test as s3
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in public_policy.results with input as model}

everyone := {"wildcard": true, "aws": [], "service": [], "federated": [], "canonical_user": []}

public_read := object.union(s3.allow_statement, {"sid": "PublicRead", "principals": everyone})

with_conditions(statement, conditions) := json.patch(statement, [{"op": "replace", "path": "/conditions", "value": conditions}])

test_named_principal_passes if statuses(fx.model) == {"PASS"}

test_no_policy_passes if statuses(fx.with_bucket({"policy": fx.known(null)})) == {"PASS"}

test_deny_to_everyone_passes if statuses(fx.with_bucket_policy([s3.tls_deny_statement])) == {"PASS"}

test_allow_everyone_fails_naming_the_statement if {
	results := public_policy.results with input as fx.with_bucket_policy([s3.allow_statement, public_read])
	some r in results
	r.status == "FAIL"
	r.message == "bucket policy statement PublicRead allows every caller without a condition that restricts who they are"
}

test_allow_aws_star_fails if {
	statement := object.union(s3.allow_statement, {"principals": {"aws": ["*"]}})
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_statement_without_sid_is_named_by_position if {
	statement := object.union(public_read, {"sid": null})
	results := public_policy.results with input as fx.with_bucket_policy([s3.tls_deny_statement, statement])
	some r in results
	contains(r.message, "statement #2 allows")
}

test_not_principal_allow_fails if {
	statement := object.union(s3.allow_statement, {"not_principals": {"wildcard": false, "aws": ["arn:aws:iam::111122223333:role/Records"]}})
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_org_condition_restricts if {
	statement := with_conditions(public_read, [s3.condition("StringEquals", "aws:principalorgid", ["o-firm123"])])
	statuses(fx.with_bucket_policy([statement])) == {"PASS"}
}

test_vpc_endpoint_condition_restricts if {
	statement := with_conditions(public_read, [s3.condition("StringEquals", "aws:sourcevpce", ["vpce-0a1b2c"])])
	statuses(fx.with_bucket_policy([statement])) == {"PASS"}
}

test_secure_transport_alone_does_not_restrict if {
	statement := with_conditions(public_read, [s3.condition("Bool", "aws:securetransport", ["true"])])
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_source_ip_does_not_restrict if {
	statement := with_conditions(public_read, [s3.condition("IpAddress", "aws:sourceip", ["203.0.113.0/24"])])
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_if_exists_does_not_restrict if {
	condition := object.union(s3.condition("StringEquals", "aws:principalaccount", ["111122223333"]), {"if_exists": true})
	statuses(fx.with_bucket_policy([with_conditions(public_read, [condition])])) == {"FAIL"}
}

test_wildcard_value_does_not_restrict if {
	statement := with_conditions(public_read, [s3.condition("StringLike", "aws:principalarn", ["arn:aws:iam::*:role/*"])])
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_negated_operator_does_not_restrict if {
	statement := with_conditions(public_read, [s3.condition("StringNotEquals", "aws:principalaccount", ["444455556666"])])
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_for_all_values_does_not_restrict if {
	condition := object.union(s3.condition("StringEquals", "aws:principalorgid", ["o-firm123"]), {"qualifier": "ForAllValues"})
	statuses(fx.with_bucket_policy([with_conditions(public_read, [condition])])) == {"FAIL"}
}

test_unknown_policy_is_unknown if statuses(fx.with_bucket({"policy": fx.unknown_leaf})) == {"UNKNOWN"}

test_unresolved_condition_on_public_statement_is_unknown if {
	statement := object.union(public_read, {"unresolved": ["Condition.StringEquals.aws:SourceVpce"]})
	statuses(fx.with_bucket_policy([statement])) == {"UNKNOWN"}
}

test_unresolved_principal_is_unknown if {
	statement := object.union(s3.allow_statement, {"principals": {"aws": []}, "unresolved": ["Principal.AWS"]})
	statuses(fx.with_bucket_policy([statement])) == {"UNKNOWN"}
}

test_unresolved_statement_is_unknown if {
	whole := object.union(s3.allow_statement, {"principals": null, "unresolved": ["Statement[0]"]})
	statuses(fx.with_bucket_policy([whole])) == {"UNKNOWN"}
}

test_unresolved_condition_on_named_principal_passes if {
	statement := object.union(s3.allow_statement, {"unresolved": ["Condition.StringEquals.aws:SourceVpce"]})
	statuses(fx.with_bucket_policy([statement])) == {"PASS"}
}
