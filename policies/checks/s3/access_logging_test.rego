package lexguard.checks.s3.access_logging_test

import data.lexguard.checks.s3.access_logging
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in access_logging.results with input as model}

with_target(target) := fx.with_bucket({"logging": {"target_bucket": target}})

test_logs_to_separate_bucket_passes if statuses(fx.model) == {"PASS"}

test_logs_to_linked_bucket_passes if statuses(with_target(fx.link("AccessLogs", "logs"))) == {"PASS"}

test_logging_off_fails if {
	results := access_logging.results with input as with_target(fx.no_link)
	some r in results
	r.status == "FAIL"
	r.message == "server access logging is off"
	r.property == "logging.target_bucket"
}

test_logs_to_itself_by_link_fails if statuses(with_target(fx.link("Docs", "docs"))) == {"FAIL"}

test_logs_to_itself_by_name_fails if statuses(with_target({"ref": fx.known("docs")})) == {"FAIL"}

test_access_log_bucket_not_applicable if {
	statuses(fx.with_bucket({"holds": "access_logs", "logging": {"target_bucket": fx.no_link}})) == {"NOT_APPLICABLE"}
}

test_trail_bucket_must_log if statuses(fx.with_bucket({"holds": "trail_logs", "logging": {"target_bucket": fx.no_link}})) == {"FAIL"}

test_unknown_target_is_unknown if statuses(with_target({"ref": fx.unknown_leaf})) == {"UNKNOWN"}
