package lexguard.checks.monitoring.topic_encryption_test

import data.lexguard.checks.monitoring.topic_encryption
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in topic_encryption.results with input as model
}

test_encrypted_topic_passes if only(fx.model).status == "PASS"

test_unencrypted_topic_fails if {
	r := only(fx.with_resource("sns_topics", "topic", {"kms_key": fx.no_link}))
	r.status == "FAIL"
	r.message == "the topic's messages are not encrypted at rest"
}

test_aws_managed_key_fails if {
	r := only(fx.with_resource("sns_topics", "topic", {"kms_key": {"ref": fx.known("alias/aws/sns")}}))
	r.message == "the topic encrypts its messages with the AWS managed key alias/aws/sns, not a customer managed key"
}

test_unknown_key_is_unknown if only(fx.with_resource("sns_topics", "topic", {"kms_key": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"
