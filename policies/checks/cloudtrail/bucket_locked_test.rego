package lexguard.checks.cloudtrail.bucket_locked_test

import data.lexguard.checks.cloudtrail.bucket_locked
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in bucket_locked.results with input as model
}

test_versioned_locked_bucket_passes if {
	r := only(fx.with_trail_bucket({}))
	r.status == "PASS"
	r.message == "the trail's bucket is versioned and locks new log files for 2555 days in COMPLIANCE mode"
}

test_unversioned_bucket_fails if {
	only(fx.with_trail_bucket({"versioning": {"status": fx.known("Suspended")}})).message == "the trail's bucket has versioning Suspended"
}

test_unlocked_bucket_fails if {
	only(fx.with_trail_bucket({"object_lock": {"enabled": fx.known(false)}})).message == "the trail's bucket has no Object Lock"
}

test_lock_without_default_retention_fails if {
	r := only(fx.with_trail_bucket({"object_lock": {"default_retention": fx.known(null)}}))
	r.status == "FAIL"
	contains(r.message, "no default retention")
}

test_unknown_versioning_is_unknown if {
	only(fx.with_trail_bucket({"versioning": {"status": fx.unknown_leaf}})).status == "UNKNOWN"
}

test_unknown_lock_is_unknown if only(fx.with_trail_bucket({"object_lock": {"enabled": fx.unknown_leaf}})).status == "UNKNOWN"

test_unknown_retention_is_unknown if {
	only(fx.with_trail_bucket({"object_lock": {"default_retention": fx.unknown_leaf}})).status == "UNKNOWN"
}
