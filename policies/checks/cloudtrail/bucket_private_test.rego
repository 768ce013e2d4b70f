package lexguard.checks.cloudtrail.bucket_private_test

import data.lexguard.checks.cloudtrail.bucket_private
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in bucket_private.results with input as model
}

test_private_bucket_passes if only(fx.with_trail_bucket({})).status == "PASS"

test_public_bucket_fails if {
	r := only(fx.with_trail_bucket({"public_access_block": {"block_public_policy": fx.known(false)}}))
	r.status == "FAIL"
	r.message == "the trail's bucket: Block Public Access is not fully on: block_public_policy off"
}

test_unknown_flag_is_unknown if {
	only(fx.with_trail_bucket({"public_access_block": {"ignore_public_acls": fx.unknown_leaf}})).status == "UNKNOWN"
}

test_bucket_outside_the_scan_is_unknown if {
	r := only(fx.model)
	r.status == "UNKNOWN"
	r.message == "the trail's bucket firm-trail-logs is outside the scanned scope, so it cannot be judged"
}

test_unknown_bucket_is_unknown if only(fx.with_trail({"bucket": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"
