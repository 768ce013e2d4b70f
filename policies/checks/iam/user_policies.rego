# METADATA
# title: IAM users get permissions only through groups
# description: |
#   Access is assigned by role, not person by person. A user gets permissions from the groups it belongs
#   to (and the roles it assumes), never from inline policies or managed policies attached to the user,
#   which escape the review of groups and roles.
# custom:
#   id: LG-IAM-007
#   severity: MEDIUM
#   clauses: [CP-04]
#   resource_kinds: [iam_user]
#   sources: [template, live]
#   remediation: |
#     Move the user's permissions to a group (or a role) and add the user to it; remove the user's
#     inline policies and detach its managed policies.
#   cdk: "group.addUser(user); group.addManagedPolicy(policy) // not user.addManagedPolicy or user.addToPolicy"
package lexguard.checks.iam.user_policies

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(user)) if some id, user in input.iam_users

verdict(user) := result.unknown_leaf(user.inline_policies, "inline_policies") if {
	leaf.unknown(user.inline_policies)
} else := result.fail(
	sprintf("the user has inline policies: %s", [concat(", ", [policy.name | some policy in user.inline_policies.value])]),
	"inline_policies",
) if {
	count(user.inline_policies.value) > 0
} else := result.unknown_leaf(user.managed_policies, "managed_policies") if {
	leaf.unknown(user.managed_policies)
} else := result.fail(
	sprintf("managed policies are attached to the user: %s", [concat(", ", [name(link) | some link in user.managed_policies.value])]),
	"managed_policies",
) if {
	count(user.managed_policies.value) > 0
} else := result.pass("the user gets permissions only through groups")

name(link) := object.get(link, "target", object.get(link.ref, "value", "(unresolved)"))
