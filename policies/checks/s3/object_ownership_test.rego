package lexguard.checks.s3.object_ownership_test

import data.lexguard.checks.s3.object_ownership
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in object_ownership.results with input as model}

test_acls_disabled_passes if statuses(fx.model) == {"PASS"}

test_object_writer_fails if {
	results := object_ownership.results with input as fx.with_bucket({"ownership": fx.known("ObjectWriter")})
	some r in results
	r.status == "FAIL"
	r.message == "object ownership is ObjectWriter, so ACLs still decide access"
}

test_bucket_owner_preferred_fails if statuses(fx.with_bucket({"ownership": fx.known("BucketOwnerPreferred")})) == {"FAIL"}

test_unknown_ownership_is_unknown if statuses(fx.with_bucket({"ownership": fx.unknown_leaf})) == {"UNKNOWN"}
