package lexguard.checks.s3.region_test

import data.lexguard.checks.s3.region
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in region.results with input as model}

test_approved_region_passes if statuses(fx.model) == {"PASS"}

test_other_region_fails if {
	results := region.results with input as fx.with_bucket({"region": fx.known("us-east-1")})
	some r in results
	r.status == "FAIL"
	r.property == "region"
	r.message == "us-east-1 is not an approved region (approved: eu-west-1, eu-central-1)"
}

test_configured_regions_decide if {
	model := fx.replaced("/config/approved_regions", ["us-east-1"])
	statuses(model) == {"FAIL"}
}

test_unknown_region_is_unknown if statuses(fx.with_bucket({"region": fx.unknown_leaf})) == {"UNKNOWN"}
