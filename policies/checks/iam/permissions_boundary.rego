# METADATA
# title: Roles other accounts may assume have a permissions boundary
# description: |
#   Access follows least privilege, also when it is delegated. A delegated role is one whose trust policy
#   lets principals of another AWS account (or everyone) assume it: what it may do is then decided partly
#   outside the firm's account. Such a role carries a permissions boundary, so that no policy later
#   attached to it can grant more than the boundary allows. Roles assumed from the role's own account,
#   by services or through the firm's identity provider are not delegated in this sense.
# custom:
#   id: LG-IAM-009
#   severity: MEDIUM
#   clauses: [CP-04]
#   resource_kinds: [iam_role]
#   sources: [template, live]
#   remediation: |
#     Set a permissions boundary (a managed policy capping what the role may ever do) on the role.
#   cdk: "new iam.Role(this, 'Auditor', { assumedBy, permissionsBoundary: auditorBoundary })"
package lexguard.checks.iam.permissions_boundary

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.trust

results contains result.of(id, verdict(role)) if some id, role in input.iam_roles

verdict(role) := result.unknown_leaf(role.trust_policy, "trust_policy") if {
	leaf.unknown(role.trust_policy)
} else := result.unknown(
	"whether another account may assume the role cannot be told: the principal of a trust statement could not be resolved",
	"trust_policy",
) if {
	some statement in trust.statements(role)
	trust.undecided(statement)
} else := result.not_applicable("no AWS account may assume the role") if {
	count(accounts(role)) == 0
} else := result.unknown_leaf(role.account, "account") if {
	leaf.unknown(role.account)
} else := result.not_applicable("only the role's own account may assume it") if {
	count(foreign(role)) == 0
} else := result.unknown_leaf(role.permissions_boundary.ref, "permissions_boundary") if {
	leaf.unknown(role.permissions_boundary.ref)
} else := result.fail(
	sprintf("%s may assume the role, which has no permissions boundary", [concat(", ", sort(foreign(role)))]),
	"permissions_boundary",
) if {
	role.permissions_boundary.ref.value == null
} else := result.pass(sprintf("the role is delegated to %s within a permissions boundary", [concat(", ", sort(foreign(role)))]))

accounts(role) := {account | some statement in trust.statements(role); some account in trust.accounts(statement)}

foreign(role) := {account_words(account) | some account in accounts(role); account != role.account.value}

account_words("*") := "everyone"

account_words(account) := sprintf("account %s", [account]) if account != "*"
