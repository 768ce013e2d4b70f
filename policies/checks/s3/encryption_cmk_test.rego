package lexguard.checks.s3.encryption_cmk_test

import data.lexguard.checks.s3.encryption_cmk
import data.lexguard.lib.fixtures.s3_test as s3
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in encryption_cmk.results with input as model}

with_encryption(patch) := object.union(fx.model, {"s3_buckets": {"docs": {"encryption": patch}}})

test_customer_managed_key_passes if statuses(fx.model) == {"PASS"}

test_aes256_fails if {
	results := encryption_cmk.results with input as with_encryption({"algorithm": fx.known("AES256")})
	some r in results
	r.status == "FAIL"
	r.property == "encryption.algorithm"
	contains(r.message, "AES256")
}

test_no_default_encryption_fails if statuses(with_encryption({"algorithm": fx.known(null)})) == {"FAIL"}

test_aws_managed_key_by_omission_fails if statuses(with_encryption({"kms_key": fx.no_link})) == {"FAIL"}

test_aws_managed_key_by_short_alias_fails if statuses(with_encryption({"kms_key": {"ref": fx.known("alias/aws/s3")}})) == {"FAIL"}

test_aws_managed_key_by_alias_fails if {
	statuses(with_encryption({"kms_key": {"ref": fx.known("arn:aws:kms:eu-west-1:111122223333:alias/aws/s3")}})) == {"FAIL"}
}

test_key_managed_by_aws_in_scope_fails if {
	model := object.union(fx.model, {"kms_keys": {"key": {"manager": fx.known("AWS")}}})
	statuses(model) == {"FAIL"}
}

test_dsse_with_customer_key_passes if statuses(with_encryption({"algorithm": fx.known("aws:kms:dsse")})) == {"PASS"}

test_unknown_algorithm_is_unknown if statuses(with_encryption({"algorithm": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_key_reference_is_unknown if statuses(with_encryption({"kms_key": {"ref": fx.unknown_leaf}})) == {"UNKNOWN"}

test_key_outside_scope_is_unknown if {
	outside := {"ref": fx.known("arn:aws:kms:eu-west-1:111122223333:key/0b7e")}
	model := fx.replaced("/s3_buckets/docs/encryption/kms_key", outside)
	statuses(model) == {"UNKNOWN"}
}

test_unknown_key_manager_is_unknown if {
	statuses(object.union(fx.model, {"kms_keys": {"key": {"manager": fx.unknown_leaf}}})) == {"UNKNOWN"}
}

test_one_result_per_bucket if {
	model := object.union(fx.model, {"s3_buckets": {"logs": object.union(s3.bucket, {"id": "logs"})}})
	count(encryption_cmk.results) == 2 with input as model
}

test_access_log_bucket_with_sse_s3_not_applicable if {
	statuses(fx.with_bucket({"holds": "access_logs", "encryption": {"algorithm": fx.known("AES256")}})) == {"NOT_APPLICABLE"}
}

test_trail_log_bucket_with_sse_s3_fails if {
	statuses(fx.with_bucket({"holds": "trail_logs", "encryption": {"algorithm": fx.known("AES256")}})) == {"FAIL"}
}
