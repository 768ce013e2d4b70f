# METADATA
# title: Multi-factor authentication in policies
# description: |
#   How a policy asks for MFA (CP-05). An identity policy enforces it with a Deny of (almost) everything
#   when `aws:MultiFactorAuthPresent` is false or absent; a trust policy requires it with a condition that
#   only a session signed in with MFA meets.
package lexguard.lib.mfa

# enforcing_deny holds for a fully resolved statement that denies every action on every resource, but
# the few a person needs to set up MFA, to a caller who did not authenticate with MFA. AWS's own example
# (BoolIfExists aws:MultiFactorAuthPresent false) is the shape: `Bool` without IfExists lets requests
# signed with long-term access keys through (the key is absent for them), and a further condition would
# narrow the deny.
enforcing_deny(statement) if {
	statement.effect == "Deny"
	count(statement.unresolved) == 0
	count(statement.not_resources) == 0
	"*" in statement.resources
	denies_all_but_mfa_setup(statement)
	count(statement.conditions) == 1
	without_mfa(statement.conditions[0])
}

denies_all_but_mfa_setup(statement) if {
	count(statement.not_actions) == 0
	"*" in statement.actions
}

# NotAction may leave out named IAM and STS actions (enable an MFA device, get a session token), never a
# wildcard such as iam:*, which would leave every IAM action open without MFA.
denies_all_but_mfa_setup(statement) if {
	count(statement.actions) == 0
	count(statement.not_actions) > 0
	every action in statement.not_actions {
		setup_action(action)
	}
}

setup_action(action) if {
	not contains(action, "*")
	not contains(action, "?")
	some service in ["iam:", "sts:"]
	startswith(action, service)
}

without_mfa(condition) if {
	condition.key == "aws:multifactorauthpresent"
	condition.operator == "Bool"
	condition.if_exists == true
	condition.qualifier == null
	[lower(value) | some value in condition.values] == ["false"]
}

# required_by holds for a trust statement with a condition only a session signed in with MFA meets:
# aws:MultiFactorAuthPresent true, or a maximum aws:MultiFactorAuthAge, without IfExists (which would hold
# for requests signed with long-term access keys, where the key is absent).
required_by(statement) if {
	some condition in statement.conditions
	requires_mfa(condition)
}

requires_mfa(condition) if {
	condition.key == "aws:multifactorauthpresent"
	condition.operator == "Bool"
	not condition.if_exists
	[lower(value) | some value in condition.values] == ["true"]
}

requires_mfa(condition) if {
	condition.key == "aws:multifactorauthage"
	condition.operator in {"NumericLessThan", "NumericLessThanEquals"}
	not condition.if_exists
}
