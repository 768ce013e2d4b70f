# METADATA
# title: Backup plans copy every backup to a vault in a second approved region
# description: |
#   Client information is kept off-site and stays in approved jurisdictions. Every rule of a backup
#   plan copies its recovery points to a vault in another region than the plan's, and that region is
#   one the configuration approves (approved_regions).
# custom:
#   id: LG-BAK-004
#   severity: MEDIUM
#   clauses: [CP-10, CP-12]
#   resource_kinds: [backup_plan]
#   sources: [template, live]
#   remediation: |
#     Add a copy action to every rule of the plan, to a vault in the other approved region.
#   cdk: "plan.addRule(new backup.BackupPlanRule({ copyActions: [{ destinationBackupVault: vaultInEuCentral1 }] }))"
package lexguard.checks.backup.copy_region

import data.lexguard.lib.leaf
import data.lexguard.lib.residency
import data.lexguard.lib.result

results contains result.of(id, verdict(plan)) if some id, plan in input.backup_plans

verdict(plan) := result.unknown_leaf(plan.rules, "rules") if {
	leaf.unknown(plan.rules)
} else := result.fail("the plan has no rule, so it copies nothing", "rules") if {
	count(plan.rules.value) == 0
} else := result.fail(concat("; ", failing(plan)), "rules") if {
	count(failing(plan)) > 0
} else := result.unknown(concat("; ", doubtful(plan)), "rules") if {
	count(doubtful(plan)) > 0
} else := result.pass(sprintf(
	"every rule copies its recovery points to %s",
	[concat(", ", sort({copy.destination_region | some rule in plan.rules.value; some copy in rule.copy_actions}))],
))

# failing says, for each rule known to fail, why.
failing(plan) := [sprintf("rule %s %s", [rule.name, words]) |
	some rule in plan.rules.value
	words := rule_failure(rule, plan)
]

rule_failure(rule, plan) := "makes no copy" if {
	count(rule.copy_actions) == 0
	count(unresolved_copies(rule)) == 0
} else := sprintf("copies to %s, which is not an approved region", [concat(", ", unapproved)]) if {
	unapproved := [copy.destination_region |
		some copy in rule.copy_actions
		copy.destination_region != null
		not residency.approved(copy.destination_region)
	]
	count(unapproved) > 0
} else := "copies only within the plan's own region" if {
	leaf.known(plan.region)
	count(rule.copy_actions) > 0
	every copy in rule.copy_actions {
		copy.destination_region == plan.region.value
	}
}

# doubtful says, for each rule that cannot be judged, why.
doubtful(plan) := [sprintf("rule %s: %s", [rule.name, words]) |
	some rule in plan.rules.value
	not rule_failure(rule, plan)
	not off_site(rule, plan)
	words := rule_doubt(rule, plan)
]

rule_doubt(rule, plan) := sprintf("%s could not be resolved", [concat(", ", unresolved_copies(rule))]) if {
	count(unresolved_copies(rule)) > 0
} else := "the region of a copy's destination vault is unknown" if {
	some copy in rule.copy_actions
	copy.destination_region == null
} else := sprintf("the plan's region is unknown: %s", [plan.region.reason]) if {
	leaf.unknown(plan.region)
}

off_site(rule, plan) if {
	leaf.known(plan.region)
	some copy in rule.copy_actions
	copy.destination_region != null
	copy.destination_region != plan.region.value
	residency.approved(copy.destination_region)
}

unresolved_copies(rule) := [path | some path in rule.unresolved; startswith(path, "CopyActions")]
