# METADATA
# title: Trails encrypt their logs with a customer managed KMS key
# description: |
#   Audit logs are client information too, and are encrypted with keys the firm controls. Without a KMS
#   key CloudTrail's log files are encrypted with SSE-S3 only, whatever the bucket's default.
# custom:
#   id: LG-CT-003
#   severity: MEDIUM
#   clauses: [CP-01, CP-08]
#   resource_kinds: [cloudtrail_trail]
#   sources: [template, live]
#   remediation: |
#     Encrypt the trail's log files with a customer managed KMS key (SSE-KMS) whose key policy lets
#     CloudTrail use it.
#   cdk: "new cloudtrail.Trail(this, 'Audit', { encryptionKey: logsKey })"
package lexguard.checks.cloudtrail.encryption_cmk

import data.lexguard.lib.customer_key
import data.lexguard.lib.result

results contains result.of(id, customer_key.verdict(trail.kms_key, "kms_key", words)) if {
	some id, trail in input.cloudtrail_trails
}

words := {
	"none": "the trail's log files are not encrypted with a KMS key (SSE-S3 only)",
	"uses": "the trail encrypts its log files with",
	"pass": "the trail encrypts its log files with a customer managed key",
}
