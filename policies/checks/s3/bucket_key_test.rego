package lexguard.checks.s3.bucket_key_test

import data.lexguard.checks.s3.bucket_key
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in bucket_key.results with input as model}

test_bucket_key_on_passes if statuses(fx.model) == {"PASS"}

test_bucket_key_off_fails if {
	results := bucket_key.results with input as fx.with_bucket({"encryption": {"bucket_key": fx.known(false)}})
	some r in results
	r.status == "FAIL"
	r.property == "encryption.bucket_key"
}

test_sse_s3_not_applicable if {
	statuses(fx.with_bucket({"encryption": {"algorithm": fx.known("AES256"), "bucket_key": fx.known(false)}})) == {"NOT_APPLICABLE"}
}

test_dsse_not_applicable if statuses(fx.with_bucket({"encryption": {"algorithm": fx.known("aws:kms:dsse")}})) == {"NOT_APPLICABLE"}

test_unknown_algorithm_is_unknown if statuses(fx.with_bucket({"encryption": {"algorithm": fx.unknown_leaf}})) == {"UNKNOWN"}

test_unknown_bucket_key_is_unknown if statuses(fx.with_bucket({"encryption": {"bucket_key": fx.unknown_leaf}})) == {"UNKNOWN"}
