# METADATA
# title: The account turns on all four S3 Block Public Access flags
# description: |
#   Client information is never publicly reachable. Account-level Block Public Access overrides every
#   bucket in the account, including buckets created later or outside the firm's templates. Only live
#   state shows it: a template cannot set it.
# custom:
#   id: LG-S3-006
#   severity: HIGH
#   clauses: [CP-07]
#   resource_kinds: [account]
#   sources: [live]
#   remediation: |
#     Turn on all four Block Public Access settings for the account (S3 console, "Block Public Access
#     settings for this account", or s3control put-public-access-block).
package lexguard.checks.s3.account_public_access_block

import data.lexguard.lib.public_access
import data.lexguard.lib.result

results contains result.of(id, public_access.verdict(account.s3_public_access_block, "s3_public_access_block")) if {
	some id, account in input.accounts
}
