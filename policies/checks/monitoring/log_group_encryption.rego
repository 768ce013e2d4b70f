# METADATA
# title: CloudWatch Logs groups are encrypted with a customer managed KMS key
# description: |
#   Logs are encrypted at rest with keys the firm controls. A log group without a KMS key is encrypted
#   with CloudWatch Logs' own key, which the firm can neither restrict nor revoke.
# custom:
#   id: LG-MON-009
#   severity: MEDIUM
#   clauses: [CP-01]
#   resource_kinds: [logs_log_group]
#   sources: [template, live]
#   remediation: |
#     Associate a customer managed KMS key with the log group (its key policy must let CloudWatch Logs
#     use it).
#   cdk: "new logs.LogGroup(this, 'AuditLogs', { encryptionKey: logsKey })"
package lexguard.checks.monitoring.log_group_encryption

import data.lexguard.lib.customer_key
import data.lexguard.lib.result

results contains result.of(id, customer_key.verdict(group.kms_key, "kms_key", words)) if some id, group in input.logs_log_groups

words := {
	"none": "the log group is encrypted with CloudWatch Logs' own key, not a key the firm controls",
	"uses": "the log group is encrypted with",
	"pass": "the log group is encrypted with a customer managed key",
}
