package lexguard.checks.cloudtrail.data_events_test

import data.lexguard.checks.cloudtrail.data_events
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in data_events.results with input as model
}

events(read, write) := fx.with_bucket({"data_event_trails": {"read": read, "write": write}})

test_recorded_sensitive_bucket_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "trail trail records the bucket's object reads and trail trail its writes"
}

test_unrecorded_reads_fail if {
	r := only(events(fx.known([]), fx.known(["trail"])))
	r.status == "FAIL"
	r.message == "no trail records the bucket's object reads (S3 data events)"
	r.property == "data_event_trails.read"
}

test_unrecorded_reads_and_writes_fail if {
	only(events(fx.known([]), fx.known([]))).message == "no trail records the bucket's object reads or writes (S3 data events)"
}

test_unclassified_bucket_needs_data_events if {
	model := json.patch(events(fx.known([]), fx.known([])), [{"op": "replace", "path": "/s3_buckets/docs/tags", "value": fx.known({})}])
	only(model).status == "FAIL"
}

test_internal_bucket_not_applicable if {
	model := json.patch(events(fx.known([]), fx.known([])), [{
		"op": "replace", "path": "/s3_buckets/docs/tags",
		"value": fx.known({"data-classification": "internal", "owner": "it@firm.example"}),
	}])
	only(model).status == "NOT_APPLICABLE"
}

test_trail_log_bucket_not_applicable if {
	only(fx.with_bucket({"holds": "trail_logs", "data_event_trails": {"read": fx.known([])}})).status == "NOT_APPLICABLE"
}

test_unknown_coverage_is_unknown if {
	r := only(events(fx.known(["trail"]), fx.unknown_leaf))
	r.status == "UNKNOWN"
	r.property == "data_event_trails.write"
}

test_unknown_tags_are_unknown if only(fx.with_bucket({"tags": fx.unknown_leaf})).status == "UNKNOWN"
