# METADATA
# title: Every IAM user with a console password has an MFA device
# description: |
#   Every person authenticates with multi-factor authentication. A user who can sign in to the console
#   with a password needs an MFA device. Only the live account shows users' devices.
# custom:
#   id: LG-IAM-003
#   severity: HIGH
#   clauses: [CP-05]
#   resource_kinds: [iam_user]
#   sources: [live]
#   remediation: |
#     Have the user assign an MFA device (IAM console, Security credentials), or remove the console
#     password of a user who does not need one.
package lexguard.checks.iam.console_mfa

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(user.credentials)) if some id, user in input.iam_users

verdict(credentials) := result.unknown_leaf(credentials.password_enabled, "credentials.password_enabled") if {
	leaf.unknown(credentials.password_enabled)
} else := result.not_applicable("the user has no console password") if {
	credentials.password_enabled.value == false
} else := result.unknown_leaf(credentials.mfa_active, "credentials.mfa_active") if {
	leaf.unknown(credentials.mfa_active)
} else := result.pass("the console user has an MFA device") if {
	credentials.mfa_active.value == true
} else := result.fail("the user signs in to the console with a password and no MFA device", "credentials.mfa_active")
