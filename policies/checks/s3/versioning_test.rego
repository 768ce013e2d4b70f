package lexguard.checks.s3.versioning_test

import data.lexguard.checks.s3.versioning
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in versioning.results with input as model}

test_versioning_on_passes if statuses(fx.model) == {"PASS"}

test_suspended_fails if {
	results := versioning.results with input as fx.with_bucket({"versioning": {"status": fx.known("Suspended")}})
	some r in results
	r.status == "FAIL"
	r.property == "versioning.status"
	startswith(r.message, "versioning is suspended")
}

test_never_enabled_fails if statuses(fx.with_bucket({"versioning": {"status": {"state": "default", "value": "Disabled"}}})) == {"FAIL"}

test_unknown_status_is_unknown if statuses(fx.with_bucket({"versioning": {"status": fx.unknown_leaf}})) == {"UNKNOWN"}
