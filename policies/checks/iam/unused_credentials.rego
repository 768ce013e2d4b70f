# METADATA
# title: No password or access key goes unused for long
# description: |
#   Credentials are reviewed: unused ones are withdrawn. A console password or an active access key
#   unused for more than credential_max_age_days (90 by default) belongs to someone who no longer needs
#   it, or to no one. A key never used counts from its creation, a password never used from when it was
#   set (the credential report's password_last_changed). Only the live account shows use.
# custom:
#   id: LG-IAM-010
#   severity: MEDIUM
#   clauses: [CP-06]
#   resource_kinds: [iam_user]
#   sources: [live]
#   remediation: |
#     Remove the unused console password (delete the login profile) and deactivate, then delete, the
#     unused access keys.
package lexguard.checks.iam.unused_credentials

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(user.credentials)) if some id, user in input.iam_users

limit := input.config.credential_max_age_days

verdict(credentials) := result.unknown_leaf(credentials.password_enabled, "credentials.password_enabled") if {
	leaf.unknown(credentials.password_enabled)
} else := result.unknown_leaf(credentials.access_keys, "credentials.access_keys") if {
	leaf.unknown(credentials.access_keys)
} else := result.fail(sprintf("unused for more than %d days: %s", [limit, concat(", ", stale(credentials))]), property(credentials)) if {
	count(stale(credentials)) > 0
} else := result.unknown_leaf(credentials.password_unused_days, "credentials.password_unused_days") if {
	credentials.password_enabled.value == true
	leaf.unknown(credentials.password_unused_days)
} else := result.unknown_leaf(credentials.password_age_days, "credentials.password_age_days") if {
	never_used_password(credentials)
	leaf.unknown(credentials.password_age_days)
} else := result.unknown(
	"the console password has never been used, and when it was set is not known",
	"credentials.password_age_days",
) if {
	never_used_password(credentials)
	credentials.password_age_days.value == null
} else := result.pass(sprintf("every credential was used in the last %d days", [limit]))

stale(credentials) := array.concat(stale_password(credentials), stale_keys(credentials))

stale_password(credentials) := [sprintf("the console password (%d days)", [credentials.password_unused_days.value])] if {
	credentials.password_enabled.value == true
	leaf.known(credentials.password_unused_days)
	credentials.password_unused_days.value != null
	credentials.password_unused_days.value > limit
} else := [sprintf("the console password, never used since it was set (%d days)", [credentials.password_age_days.value])] if {
	never_used_password(credentials)
	leaf.known(credentials.password_age_days)
	credentials.password_age_days.value != null
	credentials.password_age_days.value > limit
} else := []

never_used_password(credentials) if {
	credentials.password_enabled.value == true
	leaf.known(credentials.password_unused_days)
	credentials.password_unused_days.value == null
}

stale_keys(credentials) := [key_words(key) |
	some key in credentials.access_keys.value
	key.active
	unused_days(key) > limit
]

# A key never used has been unused since it was created.
unused_days(key) := key.unused_days if key.unused_days != null

else := key.age_days

key_words(key) := sprintf("access key %s (%d days)", [key.id, unused_days(key)])

property(credentials) := "credentials.password_unused_days" if count(stale_password(credentials)) > 0

else := "credentials.access_keys"
