package lexguard.checks.kms.region_test

import data.lexguard.checks.kms.region
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in region.results with input as model}

test_approved_region_passes if statuses(fx.model) == {"PASS"}

test_other_region_fails if {
	results := region.results with input as fx.with_key({"region": fx.known("ap-southeast-2")})
	some r in results
	r.status == "FAIL"
	r.resource == "key"
	r.property == "region"
}

test_unknown_region_is_unknown if statuses(fx.with_key({"region": fx.unknown_leaf})) == {"UNKNOWN"}
