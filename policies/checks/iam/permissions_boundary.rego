# METADATA
# title: Roles delegated to people carry a permissions boundary
# description: |
#   Access follows least privilege, also when it is delegated. A delegated role is a role the firm hands
#   to people: its trust policy lets an AWS account, an IAM user, a federated user, everyone, or a SAML or
#   OIDC identity provider assume it (the human roles of LG-IAM-001), and it is not one of the configured
#   break-glass roles (break_glass_roles), which must be able to do everything. Each delegated role
#   carries a permissions boundary, so that no policy later attached to it can grant more than the
#   boundary allows. Roles only services or other roles assume are not delegated.
# custom:
#   id: LG-IAM-009
#   severity: MEDIUM
#   clauses: [CP-04]
#   resource_kinds: [iam_role]
#   sources: [template, live]
#   remediation: |
#     Set a permissions boundary (a managed policy capping what the role may ever do) on the role.
#   cdk: "new iam.Role(this, 'Associate', { assumedBy, permissionsBoundary: firmBoundary })"
package lexguard.checks.iam.permissions_boundary

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.trust

results contains result.of(id, verdict(role)) if some id, role in input.iam_roles

verdict(role) := result.unknown_leaf(role.trust_policy, "trust_policy") if {
	leaf.unknown(role.trust_policy)
} else := result.not_applicable(sprintf("%s is a break-glass role", [role.name.value])) if {
	leaf.known(role.name)
	role.name.value in input.config.break_glass_roles
} else := boundary_verdict(role) if {
	some statement in trust.statements(role)
	people(statement)
} else := result.unknown(
	"whether people may assume the role cannot be told: the principal of a trust statement could not be resolved",
	"trust_policy",
) if {
	some statement in trust.statements(role)
	trust.undecided(statement)
} else := result.not_applicable("only services or other roles may assume the role")

people(statement) if trust.iam_human(statement)

people(statement) if trust.federated(statement)

boundary_verdict(role) := result.unknown_leaf(role.permissions_boundary.ref, "permissions_boundary") if {
	leaf.unknown(role.permissions_boundary.ref)
} else := result.pass(sprintf("the role has the permissions boundary %s", [boundary_name(role.permissions_boundary)])) if {
	role.permissions_boundary.ref.value != null
} else := result.unknown(
	sprintf("the role has no permissions boundary, and whether it is a break-glass role cannot be told: %s", [role.name.reason]),
	"permissions_boundary",
) if {
	leaf.unknown(role.name)
} else := result.fail("people may assume the role, which has no permissions boundary", "permissions_boundary")

boundary_name(link) := object.get(link, "target", link.ref.value)
