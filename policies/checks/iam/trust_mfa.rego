# METADATA
# title: Roles people assume require MFA to be assumed
# description: |
#   Every person authenticates with multi-factor authentication. A trust policy statement that lets an
#   AWS account, an IAM user, a federated user or everyone assume a role must require MFA: the condition
#   aws:MultiFactorAuthPresent true (Bool, without IfExists, which requests signed with long-term access
#   keys would meet) or a maximum aws:MultiFactorAuthAge. Statements for services, roles and identity
#   providers are not judged (MFA of federated sign-in is the identity provider's, see LG-IAM-001).
# custom:
#   id: LG-IAM-002
#   severity: HIGH
#   clauses: [CP-05]
#   resource_kinds: [iam_role]
#   sources: [template, live]
#   remediation: |
#     Add the condition {"Bool": {"aws:MultiFactorAuthPresent": "true"}} to every trust statement that
#     lets people assume the role.
#   cdk: "new iam.AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })"
package lexguard.checks.iam.trust_mfa

import data.lexguard.lib.leaf
import data.lexguard.lib.mfa
import data.lexguard.lib.policy
import data.lexguard.lib.result
import data.lexguard.lib.trust

results contains result.of(id, verdict(role)) if some id, role in input.iam_roles

verdict(role) := result.unknown_leaf(role.trust_policy, "trust_policy") if {
	leaf.unknown(role.trust_policy)
} else := result.fail(
	sprintf("trust statement %s lets people assume the role without MFA", [lacking(role)[0]]),
	"trust_policy",
) if {
	count(lacking(role)) > 0
} else := result.unknown(
	sprintf(
		"trust statement %s could not be fully resolved, so whether it lets people in without MFA cannot be told",
		[labels[0]],
	),
	"trust_policy",
) if {
	# The first such statement: with `some`, two of them would give the verdict two values.
	labels := undecided_labels(role)
	count(labels) > 0
} else := result.pass("every trust statement that lets people assume the role requires MFA") if {
	some statement in trust.statements(role)
	trust.iam_human(statement)
} else := result.not_applicable("no account, user or everyone may assume the role")

# lacking are the labels of the fully resolved statements that let people assume the role without MFA.
lacking(role) := [label(statement, i) |
	some i, statement in role.trust_policy.value.statements
	trust.allows(statement)
	trust.iam_human(statement)
	count(statement.unresolved) == 0
	not mfa.required_by(statement)
]

undecided(statement) if trust.undecided(statement)

undecided(statement) if {
	trust.iam_human(statement)
	count(statement.unresolved) > 0
}

# The policy build reads rule metadata with `opa inspect` over checks/ alone, whose type check gives a
# comprehension whose term is a call into lib/ no element type; a local rule keeps the call out of it.
label(statement, i) := policy.label(statement, i)

# undecided_labels are the labels of the statements that may let people in without MFA, not fully resolved.
undecided_labels(role) := [label(statement, i) |
	some i, statement in role.trust_policy.value.statements
	trust.allows(statement)
	undecided(statement)
	not mfa.required_by(statement)
]
