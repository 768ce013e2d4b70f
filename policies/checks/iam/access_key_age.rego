# METADATA
# title: No active access key is older than the rotation period
# description: |
#   Credentials are reviewed: keys are rotated. An active access key older than credential_max_age_days
#   (90 by default) has not been rotated. Only the live account shows keys.
# custom:
#   id: LG-IAM-011
#   severity: MEDIUM
#   clauses: [CP-06]
#   resource_kinds: [iam_user]
#   sources: [live]
#   remediation: |
#     Create a new access key, move its users to it, then deactivate and delete the old one; better,
#     replace long-lived keys with roles.
package lexguard.checks.iam.access_key_age

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(user.credentials.access_keys)) if some id, user in input.iam_users

limit := input.config.credential_max_age_days

verdict(keys) := result.unknown_leaf(keys, "credentials.access_keys") if {
	leaf.unknown(keys)
} else := result.not_applicable("the user has no active access key") if {
	count([key | some key in keys.value; key.active]) == 0
} else := result.fail(
	sprintf("active access keys older than %d days: %s", [limit, concat(", ", old)]),
	"credentials.access_keys",
) if {
	old := [sprintf("%s (%d days)", [key.id, key.age_days]) | some key in keys.value; key.active; key.age_days > limit]
	count(old) > 0
} else := result.pass(sprintf("every active access key is at most %d days old", [limit]))
