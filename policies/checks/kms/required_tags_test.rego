package lexguard.checks.kms.required_tags_test

import data.lexguard.checks.kms.required_tags
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in required_tags.results with input as model}

untagged := fx.replaced("/kms_keys/key/tags", fx.known({}))

test_tagged_key_passes if statuses(fx.model) == {"PASS"}

test_untagged_key_fails if {
	results := required_tags.results with input as untagged
	some r in results
	r.status == "FAIL"
	r.resource == "key"
	r.message == "required tags are missing: data-classification, owner"
}

test_aws_managed_key_not_applicable if {
	statuses(object.union(untagged, {"kms_keys": {"key": {"manager": fx.known("AWS")}}})) == {"NOT_APPLICABLE"}
}

test_unknown_manager_is_unknown if statuses(fx.with_key({"manager": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_tags_is_unknown if statuses(fx.with_key({"tags": fx.unknown_leaf})) == {"UNKNOWN"}
