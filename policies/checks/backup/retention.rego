# METADATA
# title: A backup plan keeps recovery points as long as client documents
# description: |
#   Backups are copies of client documents; the firm must be able to recover a document for as long as it
#   keeps documents (document_retention_days, 7 years by default). A plan passes when one of its rules
#   keeps recovery points at least that long, or until they are deleted by hand: short-lived daily and
#   weekly series beside a long monthly one (grandfather-father-son) meet the policy.
# custom:
#   id: LG-BAK-005
#   severity: MEDIUM
#   clauses: [CP-10, CP-11]
#   resource_kinds: [backup_plan]
#   sources: [template, live]
#   remediation: |
#     Add a rule (monthly, say) whose lifecycle deletes recovery points no earlier than the document
#     retention period.
#   cdk: "plan.addRule(new backup.BackupPlanRule({ ruleName: 'Monthly', scheduleExpression, deleteAfter: keep }))"
package lexguard.checks.backup.retention

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(plan)) if some id, plan in input.backup_plans

limit := input.config.document_retention_days

verdict(plan) := result.unknown_leaf(plan.rules, "rules") if {
	leaf.unknown(plan.rules)
} else := result.not_applicable("the plan has no rule") if {
	count(plan.rules.value) == 0
} else := result.pass(sprintf("rule %s keeps recovery points %s", [rule.name, kept(rule.delete_after_days)])) if {
	# The first such rule: with `some`, two rules long enough would give the verdict two values.
	rule := [r | some r in plan.rules.value; long_enough(r)][0]
} else := result.unknown(
	sprintf("how long rule %s keeps recovery points could not be resolved", [rule.name]),
	"rules",
) if {
	rule := [r | some r in plan.rules.value; lifecycle_unresolved(r)][0]
} else := result.fail(
	sprintf(
		"no rule keeps recovery points for the %d days documents are kept: %s",
		[limit, concat(", ", [sprintf("rule %s %s", [rule.name, kept(rule.delete_after_days)]) | some rule in plan.rules.value])],
	),
	"rules",
)

long_enough(rule) if {
	not lifecycle_unresolved(rule)
	rule.delete_after_days == null
}

long_enough(rule) if rule.delete_after_days >= limit

# A lifecycle that could not be resolved leaves delete_after_days null, which is not "kept forever".
lifecycle_unresolved(rule) if {
	some path in rule.unresolved
	startswith(path, "Lifecycle")
}

kept(null) := "until they are deleted by hand"

kept(days) := sprintf("%d days", [days]) if days != null
