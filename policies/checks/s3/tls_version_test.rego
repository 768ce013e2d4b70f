package lexguard.checks.s3.tls_version_test

import data.lexguard.checks.s3.tls_version
import data.lexguard.lib.fixtures.s3_test as s3
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in tls_version.results with input as model}

# with_tls_condition is the model whose bucket policy denies under this s3:TlsVersion condition only.
with_tls_condition(operator, values) := fx.with_bucket_policy([s3.deny_statement(
	"DenyOldTls",
	s3.condition(operator, "s3:tlsversion", values),
)])

test_deny_below_1_2_passes if statuses(fx.model) == {"PASS"}

test_deny_at_or_below_1_1_passes if statuses(with_tls_condition("NumericLessThanEquals", ["1.1"])) == {"PASS"}

test_stricter_bound_passes if statuses(with_tls_condition("NumericLessThan", ["1.3"])) == {"PASS"}

test_deny_below_1_1_only_fails if {
	results := tls_version.results with input as with_tls_condition("NumericLessThan", ["1.1"])
	some r in results
	r.status == "FAIL"
	r.property == "policy"
	contains(r.message, "TLS below 1.2")
}

test_deny_at_or_below_1_0_fails if statuses(with_tls_condition("NumericLessThanEquals", ["1.0"])) == {"FAIL"}

test_wrong_operator_fails if statuses(with_tls_condition("NumericGreaterThan", ["1.2"])) == {"FAIL"}

test_not_a_number_fails if statuses(with_tls_condition("NumericLessThan", ["TLSv1.2"])) == {"FAIL"}

test_only_secure_transport_fails if statuses(fx.with_bucket_policy([s3.tls_deny_statement])) == {"FAIL"}

test_no_policy_fails if statuses(fx.with_bucket({"policy": fx.known(null)})) == {"FAIL"}

test_deny_for_one_principal_fails if {
	statement := object.union(s3.tls_version_deny_statement, {"principals": {"aws": ["arn:aws:iam::111122223333:root"]}})
	statuses(fx.with_bucket_policy([statement])) == {"FAIL"}
}

test_unknown_policy_is_unknown if statuses(fx.with_bucket({"policy": fx.unknown_leaf})) == {"UNKNOWN"}

test_unresolved_statement_is_unknown if {
	statement := object.union(s3.tls_version_deny_statement, {"unresolved": ["Condition.NumericLessThan.s3:TlsVersion"]})
	statuses(fx.with_bucket_policy([statement])) == {"UNKNOWN"}
}
