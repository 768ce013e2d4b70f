# METADATA
# title: Backups are kept as long as client documents
# description: |
#   Backups are copies of client documents and are kept as long as the documents
#   (document_retention_days, 7 years by default): every rule of a backup plan, and every copy it
#   makes, keeps recovery points at least that long, or until they are deleted by hand.
# custom:
#   id: LG-BAK-005
#   severity: MEDIUM
#   clauses: [CP-10, CP-11]
#   resource_kinds: [backup_plan]
#   sources: [template, live]
#   remediation: |
#     Set the rule's and the copy actions' lifecycle to delete recovery points no earlier than the
#     document retention period.
#   cdk: "new backup.BackupPlanRule({ deleteAfter: keep, copyActions: [{ destinationBackupVault, deleteAfter: keep }] })"
package lexguard.checks.backup.retention

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(plan)) if some id, plan in input.backup_plans

limit := input.config.document_retention_days

verdict(plan) := result.unknown_leaf(plan.rules, "rules") if {
	leaf.unknown(plan.rules)
} else := result.not_applicable("the plan has no rule") if {
	count(plan.rules.value) == 0
} else := result.fail(sprintf("kept less than %d days: %s", [limit, concat(", ", short(plan))]), "rules") if {
	count(short(plan)) > 0
} else := result.unknown(
	sprintf("how long rule %s keeps recovery points could not be resolved", [rule.name]),
	"rules",
) if {
	some rule in plan.rules.value
	some path in rule.unresolved
	contains(path, "DeleteAfterDays")
} else := result.pass(sprintf("every rule and copy keeps recovery points at least %d days", [limit]))

short(plan) := array.concat(
	[sprintf("rule %s (%d days)", [rule.name, rule.delete_after_days]) |
		some rule in plan.rules.value
		too_short(rule.delete_after_days)
	],
	[sprintf("the copies of rule %s (%d days)", [rule.name, copy.delete_after_days]) |
		some rule in plan.rules.value
		some copy in rule.copy_actions
		too_short(copy.delete_after_days)
	],
)

too_short(days) if {
	days != null
	days < limit
}
