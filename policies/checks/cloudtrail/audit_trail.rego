# METADATA
# title: The account has a multi-region trail that records every management event
# description: |
#   Access to client information leaves an audit trail. An account needs at least one trail that is
#   logging, records the management events (reads and writes) of every region, and leaves no event
#   source out. This is an absence rule, judged once per account: a template or a cloud assembly scan
#   judges the account its stacks deploy into from what the scan reads, so a trail created in a stack
#   that is not scanned with them is not seen (scan the stacks together, or the live account).
# custom:
#   id: LG-CT-001
#   severity: HIGH
#   clauses: [CP-08]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Create a multi-region trail that records all management events (read and write) with no excluded
#     event sources, and keep it logging.
#   cdk: "new cloudtrail.Trail(this, 'Audit', { isMultiRegionTrail: true, managementEvents: cloudtrail.ReadWriteType.ALL })"
package lexguard.checks.cloudtrail.audit_trail

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.trails

results contains result.of(id, verdict(account)) if some id, account in input.accounts

verdict(account) := result.unknown_leaf(account.trails, "trails") if {
	leaf.unknown(account.trails)
} else := result.pass(sprintf(
	"trail %s records every management event of every region and is logging",
	[trails.audit_trails(account)[0]],
)) if {
	count(trails.audit_trails(account)) > 0
} else := trails.verdict_without(account, "")
