# METADATA
# title: The root account has no access keys
# description: |
#   Access keys of the root account are long-lived credentials to everything in the account, which no
#   policy can restrict and no MFA protects. The root account must have none. Only the live account
#   shows it.
# custom:
#   id: LG-IAM-005
#   severity: CRITICAL
#   clauses: [CP-05, CP-06]
#   resource_kinds: [account]
#   sources: [live]
#   remediation: |
#     Sign in as the root user and delete its access keys (Security credentials); use IAM roles instead.
package lexguard.checks.iam.root_access_keys

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(account.root)) if some id, account in input.accounts

verdict(root) := result.unknown_leaf(root.access_keys_active, "root.access_keys_active") if {
	leaf.unknown(root.access_keys_active)
} else := result.fail("the root account has an active access key", "root.access_keys_active") if {
	root.access_keys_active.value == true
} else := result.pass("the root account has no active access key")
