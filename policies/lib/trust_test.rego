package lexguard.lib.trust_test

import data.lexguard.lib.fixtures_test as fx
import data.lexguard.lib.identity_policies
import data.lexguard.lib.trust

test_a_statement_assumes_the_role_by_its_actions if {
	trust.allows(fx.statement({"actions": ["sts:AssumeRoleWithWebIdentity"]}))
	trust.allows(fx.statement({"not_actions": ["iam:*"]}))
	not trust.allows(fx.statement({"actions": ["sts:TagSession"]}))
	not trust.allows(fx.statement({"effect": "Deny", "actions": ["sts:AssumeRole"]}))
}

test_a_statement_whose_action_could_not_be_resolved_may_assume_the_role if {
	trust.allows(fx.statement({"unresolved": ["Action[0]"]}))
	trust.allows(fx.statement({"unresolved": ["Statement[1]"]}))
}

people := [
	"*",
	"111122223333",
	"arn:aws:iam::111122223333:root",
	"arn:aws:iam::111122223333:user/alice",
	"arn:aws:sts::111122223333:federated-user/bob",
]

test_people_are_accounts_users_federated_users_and_everyone if {
	not trust.human_principal("arn:aws:iam::111122223333:role/Deployer")
	not trust.human_principal("arn:aws:sts::111122223333:assumed-role/Deployer/session")
	every principal in people {
		trust.human_principal(principal)
	}
}

test_accounts_of_a_statement if {
	two := fx.principals(["444455556666", "arn:aws:iam::111122223333:user/alice"])
	trust.accounts(fx.statement({"principals": two})) == {"444455556666", "111122223333"}
	trust.accounts(fx.statement({"principals": fx.principals(["*"])})) == {"*"}
	trust.accounts(fx.statement({"principals": {"wildcard": true}})) == {"*"}
}

test_a_managed_policy_whose_reference_could_not_be_resolved_has_an_unknown_document if {
	[entry] := identity_policies.documents({"inline_policies": fx.known([]), "managed_policies": fx.known([{"ref": fx.unknown_leaf}])})
	entry.document.reason == fx.unknown_leaf.reason
	entry.name == "(unresolved)"
}
