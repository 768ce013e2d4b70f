package lexguard.checks.cloudtrail.encryption_cmk_test

import data.lexguard.checks.cloudtrail.encryption_cmk
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in encryption_cmk.results with input as model
}

test_customer_managed_key_passes if only(fx.model).status == "PASS"

test_no_key_fails if {
	r := only(fx.with_trail({"kms_key": fx.no_link}))
	r.status == "FAIL"
	r.message == "the trail's log files are not encrypted with a KMS key (SSE-S3 only)"
}

test_aws_managed_alias_fails if {
	r := only(fx.with_trail({"kms_key": {"ref": fx.known("alias/aws/cloudtrail")}}))
	r.status == "FAIL"
	contains(r.message, "the AWS managed key alias/aws/cloudtrail")
}

test_aws_managed_key_of_the_scan_fails if {
	only(fx.with_key({"manager": fx.known("AWS")})).status == "FAIL"
}

test_key_outside_the_scan_is_unknown if {
	r := only(fx.replaced("/cloudtrail_trails/trail/kms_key", {"ref": fx.known("arn:aws:kms:eu-west-1:444455556666:key/1")}))
	r.status == "UNKNOWN"
	contains(r.message, "outside the scanned scope")
}

test_unknown_key_is_unknown if only(fx.with_trail({"kms_key": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"

test_unknown_manager_is_unknown if only(fx.with_key({"manager": fx.unknown_leaf})).status == "UNKNOWN"
