package lexguard.checks.s3.required_tags_test

import data.lexguard.checks.s3.required_tags
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in required_tags.results with input as model}

with_tags(tags) := fx.replaced("/s3_buckets/docs/tags", tags)

test_classified_and_owned_passes if statuses(fx.model) == {"PASS"}

test_missing_tags_fail_naming_them if {
	results := required_tags.results with input as with_tags(fx.known({"cost-centre": "legal"}))
	some r in results
	r.status == "FAIL"
	r.message == "required tags are missing: data-classification, owner"
	r.property == "tags"
}

test_empty_owner_counts_as_missing if {
	statuses(with_tags(fx.known({"data-classification": "internal", "owner": " "}))) == {"FAIL"}
}

test_unallowed_classification_fails if {
	results := required_tags.results with input as with_tags(fx.known({"data-classification": "secret", "owner": "it@firm.example"}))
	some r in results
	r.status == "FAIL"
	startswith(r.message, "data-classification is secret, not one of the allowed classifications")
}

test_configured_tags_decide if {
	model := object.union(fx.model, {"config": {"required_tags": ["owner", "matter"]}})
	statuses(model) == {"FAIL"}
}

test_unknown_tags_is_unknown if statuses(with_tags(fx.unknown_leaf)) == {"UNKNOWN"}
