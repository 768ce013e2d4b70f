package lexguard.checks.cloudtrail.log_file_validation_test

import data.lexguard.checks.cloudtrail.log_file_validation
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in log_file_validation.results with input as model}

test_validated_trail_passes if statuses(fx.model) == {"PASS"}

test_unvalidated_trail_fails if {
	some r in log_file_validation.results with input as fx.with_trail({"log_file_validation": fx.known(false)})
	r.status == "FAIL"
	r.property == "log_file_validation"
}

test_unknown_validation_is_unknown if statuses(fx.with_trail({"log_file_validation": fx.unknown_leaf})) == {"UNKNOWN"}
