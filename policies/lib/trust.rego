# METADATA
# title: Trust policies
# description: |
#   Who may assume a role, read from its trust policy. A role is human when people can act as it: its
#   trust policy lets an AWS account (its root or its id, which delegates to the account's users), an IAM
#   user, a federated user or everyone assume it (`iam_human`), or a SAML or OIDC identity provider
#   (`federated`). Roles that only services or other roles may assume are not human.
package lexguard.lib.trust

import data.lexguard.lib.policy

# statements are the Allow statements of a role's trust policy that let a principal assume the role. A
# statement whose Effect could not be resolved counts as an Allow (the normaliser reads it so).
statements(role) := [statement | some statement in role.trust_policy.value.statements; allows(statement)]

# allows holds for an Allow statement that lets its principals assume the role.
allows(statement) if {
	statement.effect == "Allow"
	assumes(statement)
}

assumes(statement) if {
	some action in statement.actions
	action in {"*", "sts:*", "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"}
}

assumes(statement) if count(statement.not_actions) > 0

# The Action of a statement that could not be resolved may be one that assumes the role.
assumes(statement) if {
	some path in statement.unresolved
	startswith(path, "Action")
}

assumes(statement) if {
	some path in statement.unresolved
	startswith(path, "Statement[")
}

# iam_human holds for a statement that lets people with an IAM identity assume the role.
iam_human(statement) if statement.principals.wildcard == true

iam_human(statement) if {
	some principal in statement.principals.aws
	human_principal(principal)
}

# federated holds for a statement that lets the users of an identity provider assume the role.
federated(statement) if count(statement.principals.federated) > 0

# undecided holds for a statement whose principal could not be read.
undecided(statement) if {
	some path in statement.unresolved
	policy.principal_path(path)
}

human_principal("*")

human_principal(principal) if endswith(principal, ":root")

human_principal(principal) if regex.match(`^[0-9]{12}$`, principal)

human_principal(principal) if contains(principal, ":user/")

human_principal(principal) if contains(principal, ":federated-user/")

# accounts are the AWS accounts whose principals a statement lets assume the role: `*` for everyone.
accounts(statement) := {"*"} if {
	statement.principals.wildcard == true
} else := {account_of(principal) | some principal in statement.principals.aws}

account_of("*") := "*"

account_of(principal) := principal if regex.match(`^[0-9]{12}$`, principal)

account_of(principal) := split(principal, ":")[4] if startswith(principal, "arn:")
