package lexguard.checks.kms.rotation_test

import data.lexguard.checks.kms.rotation
import data.lexguard.lib.fixtures_test as fx

statuses(patch) := {r.status | some r in results} if {
	results := rotation.results with input as object.union(fx.model, {"kms_keys": {"key": patch}})
}

test_rotation_on_passes if statuses({}) == {"PASS"}

test_rotation_off_fails if {
	results := rotation.results with input as object.union(fx.model, {"kms_keys": {"key": {"rotation_enabled": fx.known(false)}}})
	some r in results
	r.status == "FAIL"
	r.property == "rotation_enabled"
	r.resource == "key"
}

test_rotation_unknown_is_unknown if statuses({"rotation_enabled": fx.unknown_leaf}) == {"UNKNOWN"}

test_manager_unknown_is_unknown if statuses({"manager": fx.unknown_leaf}) == {"UNKNOWN"}

test_spec_unknown_is_unknown if statuses({"spec": fx.unknown_leaf}) == {"UNKNOWN"}

test_aws_managed_key_not_applicable if statuses({"manager": fx.known("AWS"), "rotation_enabled": fx.known(false)}) == {"NOT_APPLICABLE"}

test_asymmetric_key_not_applicable if statuses({"spec": fx.known("RSA_2048"), "rotation_enabled": fx.known(false)}) == {"NOT_APPLICABLE"}
