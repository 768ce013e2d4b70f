# METADATA
# title: Only break-glass roles may do everything
# description: |
#   Access follows least privilege. No user, group or role may be allowed every action on every
#   resource (Action * on Resource *, as AWS managed AdministratorAccess allows) but the break-glass roles
#   the configuration names (break_glass_roles, by exact role name). A role whose name CloudFormation
#   generates cannot be one of them. An AWS managed policy whose document lexguard does not carry is
#   judged by name: AdministratorAccess is the AWS managed policy that allows everything.
# custom:
#   id: LG-IAM-008
#   severity: HIGH
#   clauses: [CP-04]
#   resource_kinds: [iam_user, iam_group, iam_role]
#   sources: [template, live]
#   remediation: |
#     Replace the full administrator access with the actions and resources the principal needs; keep
#     full access for the named break-glass roles, whose use is alarmed and reviewed.
#   cdk: "new iam.Role(this, 'Admin', { roleName: 'BreakGlass', managedPolicies: [adminAccess] }) // the only holder of admin"
package lexguard.checks.iam.administrator_access

import data.lexguard.lib.identity_policies
import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(user)) if some id, user in input.iam_users

results contains result.of(id, verdict(group)) if some id, group in input.iam_groups

results contains result.of(id, role_verdict(role)) if some id, role in input.iam_roles

role_verdict(role) := result.not_applicable(sprintf("%s is a break-glass role", [role.name.value])) if {
	leaf.known(role.name)
	role.name.value in input.config.break_glass_roles
} else := result.unknown(
	sprintf("%s, and whether the role is a break-glass role cannot be told: %s", [verdict(role).message, role.name.reason]),
	verdict(role).property,
) if {
	leaf.unknown(role.name)
	verdict(role).status == "FAIL"
} else := verdict(role)

verdict(principal) := result.unknown_leaf(unread.leaf, unread.property) if {
	unread := identity_policies.unread(principal)
} else := result.fail(sprintf("policy %s allows every action on every resource", [entry.name]), entry.property) if {
	# The first such policy: with `some`, two of them would give the verdict two values.
	entry := [e | some e in identity_policies.documents(principal); grants_everything(e)][0]
} else := result.unknown(
	sprintf("policy %s could not be fully read, so whether it allows every action on every resource cannot be told", [entry.name]),
	entry.property,
) if {
	entry := [e | some e in identity_policies.documents(principal); possibly_everything(e)][0]
} else := result.pass("no policy allows every action on every resource")

grants_everything(entry) if {
	leaf.known(entry.document)
	some statement in entry.document.value.statements
	everything(statement)
}

grants_everything(entry) if {
	entry.aws_managed
	leaf.unknown(entry.document)
	endswith(entry.name, ":policy/AdministratorAccess")
}

everything(statement) if {
	statement.effect == "Allow"
	count(statement.not_actions) == 0
	count(statement.not_resources) == 0
	"*" in statement.resources
	some action in statement.actions
	action in {"*", "*:*"}
}

possibly_everything(entry) if {
	leaf.unknown(entry.document)
	not entry.aws_managed
}

possibly_everything(entry) if {
	leaf.known(entry.document)
	some statement in entry.document.value.statements
	statement.effect == "Allow"
	count(statement.unresolved) > 0
}
