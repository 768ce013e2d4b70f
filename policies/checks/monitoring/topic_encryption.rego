# METADATA
# title: SNS topics encrypt their messages with a customer managed KMS key
# description: |
#   Alarm notifications name the resources and people involved in suspicious activity, and other topics
#   may carry client information: SNS topics keep messages at rest encrypted with a key the firm controls.
# custom:
#   id: LG-MON-008
#   severity: MEDIUM
#   clauses: [CP-01, CP-09]
#   resource_kinds: [sns_topic]
#   sources: [template, live]
#   remediation: |
#     Encrypt the topic with a customer managed KMS key whose key policy lets CloudWatch use it.
#   cdk: "new sns.Topic(this, 'SecurityAlarms', { masterKey: alarmsKey })"
package lexguard.checks.monitoring.topic_encryption

import data.lexguard.lib.customer_key
import data.lexguard.lib.result

results contains result.of(id, customer_key.verdict(topic.kms_key, "kms_key", words)) if some id, topic in input.sns_topics

words := {
	"none": "the topic's messages are not encrypted at rest",
	"uses": "the topic encrypts its messages with",
	"pass": "the topic encrypts its messages with a customer managed key",
}
