# METADATA
# title: The root account has MFA
# description: |
#   The root account can do anything in the account, including what no policy can deny. It must sign in
#   with multi-factor authentication. Only the live account shows it.
# custom:
#   id: LG-IAM-004
#   severity: CRITICAL
#   clauses: [CP-05]
#   resource_kinds: [account]
#   sources: [live]
#   remediation: |
#     Sign in as the root user and assign an MFA device (a hardware key, kept locked away).
package lexguard.checks.iam.root_mfa

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(account.root)) if some id, account in input.accounts

verdict(root) := result.unknown_leaf(root.mfa_active, "root.mfa_active") if {
	leaf.unknown(root.mfa_active)
} else := result.pass("the root account signs in with MFA") if {
	root.mfa_active.value == true
} else := result.fail("the root account has no MFA device", "root.mfa_active")
