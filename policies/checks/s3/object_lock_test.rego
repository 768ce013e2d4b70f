package lexguard.checks.s3.object_lock_test

import data.lexguard.checks.s3.object_lock
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in object_lock.results with input as model}

with_lock(patch) := fx.with_bucket({"object_lock": patch})

classified(value) := fx.replaced("/s3_buckets/docs/tags", fx.known({"data-classification": value, "owner": "it@firm.example"}))

test_locked_sensitive_bucket_passes if {
	results := object_lock.results with input as fx.model
	some r in results
	r.status == "PASS"
	r.message == "new documents are locked for 2555 days in COMPLIANCE mode"
}

test_lock_off_fails if {
	results := object_lock.results with input as with_lock({"enabled": fx.known(false)})
	some r in results
	r.status == "FAIL"
	r.property == "object_lock.enabled"
}

test_no_default_retention_fails if {
	results := object_lock.results with input as with_lock({"default_retention": fx.known(null)})
	some r in results
	r.status == "FAIL"
	r.property == "object_lock.default_retention"
}

test_internal_bucket_not_applicable if {
	model := object.union(classified("internal"), {"s3_buckets": {"docs": {"object_lock": {"enabled": fx.known(false)}}}})
	statuses(model) == {"NOT_APPLICABLE"}
}

test_privileged_bucket_must_lock if {
	model := object.union(classified("privileged"), {"s3_buckets": {"docs": {"object_lock": {"enabled": fx.known(false)}}}})
	statuses(model) == {"FAIL"}
}

test_unclassified_bucket_must_lock if {
	model := json.patch(fx.model, [
		{"op": "replace", "path": "/s3_buckets/docs/tags", "value": fx.known({})},
		{"op": "replace", "path": "/s3_buckets/docs/object_lock/enabled", "value": fx.known(false)},
	])
	statuses(model) == {"FAIL"}
}

test_unallowed_classification_must_lock if {
	model := object.union(classified("secret"), {"s3_buckets": {"docs": {"object_lock": {"enabled": fx.known(false)}}}})
	statuses(model) == {"FAIL"}
}

test_access_log_bucket_not_applicable if {
	statuses(fx.with_bucket({"holds": "access_logs", "object_lock": {"enabled": fx.known(false)}})) == {"NOT_APPLICABLE"}
}

test_unknown_tags_is_unknown if statuses(fx.with_bucket({"tags": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_lock_is_unknown if statuses(with_lock({"enabled": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_retention_is_unknown if statuses(with_lock({"default_retention": fx.unknown_leaf})) == {"UNKNOWN"}
