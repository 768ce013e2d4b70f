package lexguard.checks.s3.account_public_access_block_test

import data.lexguard.checks.s3.account_public_access_block
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in account_public_access_block.results with input as model}

test_all_flags_on_passes if statuses(fx.model) == {"PASS"}

test_flag_off_fails if {
	model := fx.with_account({"s3_public_access_block": {"block_public_policy": fx.known(false)}})
	results := account_public_access_block.results with input as model
	some r in results
	r.status == "FAIL"
	r.resource == "account"
	r.property == "s3_public_access_block.block_public_policy"
}

test_unknown_flag_is_unknown if {
	statuses(fx.with_account({"s3_public_access_block": {"ignore_public_acls": fx.unknown_leaf}})) == {"UNKNOWN"}
}
