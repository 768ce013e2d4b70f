package lexguard.checks.backup.bucket_selected_test

import data.lexguard.checks.backup.bucket_selected
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in bucket_selected.results with input as model
}

test_selected_sensitive_bucket_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "backup selection selection selects the bucket"
}

test_unselected_sensitive_bucket_fails if {
	r := only(fx.with_bucket({"backup_selections": fx.known([])}))
	r.status == "FAIL"
	r.property == "backup_selections"
}

test_unselected_unclassified_bucket_fails if {
	model := json.patch(fx.model, [
		{"op": "replace", "path": "/s3_buckets/docs/tags", "value": fx.known({})},
		{"op": "replace", "path": "/s3_buckets/docs/backup_selections", "value": fx.known([])},
	])
	only(model).status == "FAIL"
}

test_internal_bucket_not_applicable if {
	model := fx.replaced("/s3_buckets/docs/tags", fx.known({"data-classification": "internal", "owner": "it@firm.example"}))
	only(model).status == "NOT_APPLICABLE"
}

test_log_bucket_not_applicable if only(fx.with_bucket({"holds": "access_logs"})).status == "NOT_APPLICABLE"

test_unknown_selections_are_unknown if only(fx.with_bucket({"backup_selections": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_tags_are_unknown if only(fx.with_bucket({"tags": fx.unknown_leaf})).status == "UNKNOWN"
