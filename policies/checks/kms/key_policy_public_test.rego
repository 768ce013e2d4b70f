package lexguard.checks.kms.key_policy_public_test

import data.lexguard.checks.kms.key_policy_public
import data.lexguard.lib.fixtures.kms_test as kms
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in key_policy_public.results with input as model}

everyone_decrypts := object.union(kms.admin_statement, {
	"sid": "AnyoneDecrypts",
	"principals": {"wildcard": true, "aws": []},
	"actions": ["kms:Decrypt"],
})

caller_account(statement) := json.patch(statement, [{
	"op": "replace",
	"path": "/conditions",
	"value": [{"operator": "StringEquals", "qualifier": null, "if_exists": false, "key": "kms:calleraccount", "values": ["111122223333"]}],
}])

test_account_root_policy_passes if statuses(fx.model) == {"PASS"}

test_everyone_fails if {
	results := key_policy_public.results with input as fx.with_key_policy([kms.admin_statement, everyone_decrypts])
	some r in results
	r.status == "FAIL"
	r.property == "policy"
	r.message == "key policy statement AnyoneDecrypts allows every caller without a condition that restricts who they are"
}

test_everyone_in_the_account_passes if statuses(fx.with_key_policy([caller_account(everyone_decrypts)])) == {"PASS"}

test_aws_managed_key_not_applicable if {
	statuses(object.union(fx.with_key_policy([everyone_decrypts]), {"kms_keys": {"key": {"manager": fx.known("AWS")}}})) == {"NOT_APPLICABLE"}
}

test_unknown_manager_is_unknown if statuses(fx.with_key({"manager": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_policy_is_unknown if statuses(fx.with_key({"policy": fx.unknown_leaf})) == {"UNKNOWN"}

test_missing_policy_is_unknown if statuses(fx.with_key({"policy": fx.known(null)})) == {"UNKNOWN"}

test_unresolved_public_statement_is_unknown if {
	statement := object.union(everyone_decrypts, {"unresolved": ["Condition.StringEquals.kms:CallerAccount"]})
	statuses(fx.with_key_policy([statement])) == {"UNKNOWN"}
}
