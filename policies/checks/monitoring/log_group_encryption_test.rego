package lexguard.checks.monitoring.log_group_encryption_test

import data.lexguard.checks.monitoring.log_group_encryption
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in log_group_encryption.results with input as model
}

test_encrypted_log_group_passes if only(fx.model).status == "PASS"

test_log_group_without_key_fails if {
	r := only(fx.with_log_group({"kms_key": fx.no_link}))
	r.status == "FAIL"
	contains(r.message, "CloudWatch Logs' own key")
}

test_unknown_key_is_unknown if only(fx.with_log_group({"kms_key": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"
