# METADATA
# title: Customer managed keys wait at least 30 days before deletion
# description: |
#   Encryption keys are protected from hasty deletion: deleting a key destroys every document encrypted
#   with it, so the waiting period must leave time to notice and cancel (at least
#   input.config.kms_min_deletion_window_days, 30 by default). AWS reports the waiting period only once
#   deletion is scheduled, so only a template can show it.
# custom:
#   id: LG-KMS-003
#   severity: MEDIUM
#   clauses: [CP-03]
#   resource_kinds: [kms_key]
#   sources: [template]
#   remediation: |
#     Set the key's pending window (PendingWindowInDays) to 30 days.
#   cdk: "new kms.Key(this, 'DocumentsKey', { pendingWindow: Duration.days(30) })"
package lexguard.checks.kms.deletion_window

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(key)) if some id, key in input.kms_keys

verdict(key) := result.unknown_leaf(key.manager, "manager") if {
	leaf.unknown(key.manager)
} else := result.not_applicable("AWS manages the deletion of AWS managed keys") if {
	key.manager.value == "AWS"
} else := result.unknown_leaf(key.deletion_window_days, "deletion_window_days") if {
	leaf.unknown(key.deletion_window_days)
} else := result.fail(
	sprintf(
		"the key can be deleted after %d days, less than the %d-day minimum",
		[key.deletion_window_days.value, input.config.kms_min_deletion_window_days],
	),
	"deletion_window_days",
) if {
	key.deletion_window_days.value < input.config.kms_min_deletion_window_days
} else := result.pass(sprintf("the key waits %d days before deletion", [key.deletion_window_days.value]))
