package lexguard.checks.s3.public_access_block_test

import data.lexguard.checks.s3.public_access_block
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in public_access_block.results with input as model}

test_all_flags_on_passes if statuses(fx.model) == {"PASS"}

test_flag_off_fails_naming_it if {
	results := public_access_block.results with input as fx.with_bucket({"public_access_block": {
		"ignore_public_acls": fx.known(false),
		"restrict_public_buckets": fx.known(false),
	}})
	some r in results
	r.status == "FAIL"
	r.message == "Block Public Access is not fully on: ignore_public_acls, restrict_public_buckets off"
	r.property == "public_access_block.ignore_public_acls"
}

test_flag_off_fails_even_when_another_is_unknown if {
	statuses(fx.with_bucket({"public_access_block": {
		"block_public_acls": fx.unknown_leaf,
		"block_public_policy": fx.known(false),
	}})) == {"FAIL"}
}

test_unknown_flag_is_unknown if {
	results := public_access_block.results with input as fx.with_bucket({"public_access_block": {"block_public_policy": fx.unknown_leaf}})
	some r in results
	r.status == "UNKNOWN"
	r.property == "public_access_block.block_public_policy"
}
