# METADATA
# title: Every human group and role denies access without MFA
# description: |
#   Every person authenticates with multi-factor authentication. Groups (whose members are people) and
#   roles people assume carry a policy that denies every action, but setting up MFA, to a caller who did
#   not sign in with MFA (BoolIfExists aws:MultiFactorAuthPresent false). A role is human when its trust
#   policy lets an AWS account, an IAM user, a federated user or everyone assume it; roles that only
#   services or other roles assume are not. A role assumed only through SAML or OIDC federation is
#   UNKNOWN: the identity provider decides whether a second factor was used, and AWS does not record it.
#   An AWS managed policy whose document lexguard does not carry is taken not to hold the deny (none
#   does).
# custom:
#   id: LG-IAM-001
#   severity: HIGH
#   clauses: [CP-05]
#   resource_kinds: [iam_group, iam_role]
#   sources: [template, live]
#   remediation: |
#     Attach a policy that denies every action except MFA self-service (iam:CreateVirtualMFADevice,
#     iam:EnableMFADevice, iam:ListMFADevices, sts:GetSessionToken, …) on Resource * with the condition
#     BoolIfExists aws:MultiFactorAuthPresent false. For a federated role, require MFA at the identity
#     provider and record that with a suppression (owner, reason, expiry).
#   cdk: "group.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, notActions, resources: ['*'], conditions }))"
package lexguard.checks.iam.mfa_deny

import data.lexguard.lib.identity_policies
import data.lexguard.lib.leaf
import data.lexguard.lib.mfa
import data.lexguard.lib.policy
import data.lexguard.lib.result
import data.lexguard.lib.trust

results contains result.of(id, verdict(group)) if some id, group in input.iam_groups

results contains result.of(id, role_verdict(role)) if some id, role in input.iam_roles

role_verdict(role) := result.unknown_leaf(role.trust_policy, "trust_policy") if {
	leaf.unknown(role.trust_policy)
} else := verdict(role) if {
	some statement in trust.statements(role)
	trust.iam_human(statement)
} else := result.unknown(
	"whether people may assume the role cannot be told: the principal of a trust statement could not be resolved",
	"trust_policy",
) if {
	some statement in trust.statements(role)
	trust.undecided(statement)
} else := result.unknown(
	concat("", [
		"the role is assumed through SAML or OIDC federation: whether the identity provider asked for a second ",
		"factor is not recorded in AWS; confirm it at the provider",
	]),
	"trust_policy",
) if {
	some statement in trust.statements(role)
	trust.federated(statement)
} else := result.not_applicable("only services or other roles may assume the role")

verdict(principal) := result.unknown_leaf(unread.leaf, unread.property) if {
	unread := identity_policies.unread(principal)
} else := result.pass(sprintf("policy %s denies every action to a caller who did not sign in with MFA", [denying[0]])) if {
	denying := [entry.name |
		some entry in identity_policies.documents(principal)
		leaf.known(entry.document)
		some statement in entry.document.value.statements
		mfa.enforcing_deny(statement)
	]
	count(denying) > 0
} else := result.unknown(
	sprintf("policy %s could not be read, so whether it denies access without MFA cannot be told: %s", [entry.name, entry.document.reason]),
	entry.property,
) if {
	# The first such policy: with `some`, two of them would give the verdict two values.
	entry := [e | some e in identity_policies.documents(principal); leaf.unknown(e.document); not e.aws_managed][0]
} else := result.unknown(
	sprintf("a statement of policy %s could not be resolved, and may be the deny of access without MFA", [entry.name]),
	entry.property,
) if {
	entry := [e | some e in identity_policies.documents(principal); possibly_denying(e)][0]
} else := result.fail("no policy denies access to a caller who did not sign in with MFA", "inline_policies")

possibly_denying(entry) if {
	leaf.known(entry.document)
	some statement in entry.document.value.statements
	policy.possibly_deny(statement)
}
