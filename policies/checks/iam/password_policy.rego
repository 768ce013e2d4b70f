# METADATA
# title: The account password policy asks for long, varied, unrepeated passwords
# description: |
#   Every person authenticates with a unique identity, and a password that is hard to guess. The account
#   password policy requires the configured minimum length (password_policy.minimum_length, 14 by
#   default), prevents the reuse of the configured number of previous passwords
#   (password_policy.reuse_prevention, 24), and requires symbols, numbers, upper and lower case letters.
#   A template shows the policy when it sets it (CDK's AwsCustomResource calling
#   iam:UpdateAccountPasswordPolicy); otherwise only the live account does, and a template scan is
#   UNKNOWN.
# custom:
#   id: LG-IAM-006
#   severity: MEDIUM
#   clauses: [CP-05]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Set the account password policy: minimum length 14, prevent reuse of the last 24 passwords, and
#     require symbols, numbers, upper and lower case letters.
#   cdk: "new cr.AwsCustomResource(this, 'PasswordPolicy', { onUpdate: { service: 'IAM', action: 'updateAccountPasswordPolicy', … } })"
package lexguard.checks.iam.password_policy

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(account.password_policy)) if some id, account in input.accounts

verdict(policy) := result.unknown_leaf(policy, "password_policy") if {
	leaf.unknown(policy)
} else := result.fail(
	"the account has no password policy, so IAM's default applies (8 characters, reuse allowed)",
	"password_policy",
) if {
	policy.value == null
} else := result.fail(
	sprintf("the password policy falls short: %s", [concat(", ", shortfalls(policy.value))]),
	"password_policy",
) if {
	count(shortfalls(policy.value)) > 0
} else := result.pass(sprintf(
	"passwords have at least %d characters of every class, and the last %d cannot be reused",
	[policy.value.minimum_length, policy.value.reuse_prevention],
))

shortfalls(policy) := [requirement.words |
	some requirement in requirements(policy)
	not requirement.met
]

requirements(policy) := [
	{
		"met": policy.minimum_length >= input.config.password_policy.minimum_length,
		"words": sprintf("minimum length %d, not %d", [policy.minimum_length, input.config.password_policy.minimum_length]),
	},
	{
		"met": policy.reuse_prevention >= input.config.password_policy.reuse_prevention,
		"words": sprintf(
			"reuse prevention %d, not %d",
			[policy.reuse_prevention, input.config.password_policy.reuse_prevention],
		),
	},
	{"met": policy.require_symbols, "words": "symbols not required"},
	{"met": policy.require_numbers, "words": "numbers not required"},
	{"met": policy.require_uppercase, "words": "upper case letters not required"},
	{"met": policy.require_lowercase, "words": "lower case letters not required"},
]
