package lexguard.checks.audit.scanner_role_test

import data.lexguard.checks.audit.scanner_role
import data.lexguard.lib.fixtures_test as fx

statement(actions) := {
	"sid": "Scan",
	"effect": "Allow",
	"principals": null,
	"not_principals": null,
	"actions": actions,
	"not_actions": [],
	"resources": ["*"],
	"not_resources": [],
	"conditions": [],
	"unresolved": [],
}

read_only := statement(["s3:GetBucketPolicy", "s3:List*", "kms:Describe*", "iam:GetAccountAuthorizationDetails"])

# role is the audit scanner's role: tagged, one read-only inline policy, the managed policy "audit".
role := {
	"id": "scanner",
	"kind": "iam_role",
	"name": fx.known("lexguard-scanner"),
	"tags": fx.known({"lexguard:purpose": "audit-scanner"}),
	"inline_policies": fx.known([{"name": "ReadConfig", "document": fx.known({"statements": [read_only]})}]),
	"managed_policies": fx.known([fx.link("arn:aws:iam::111122223333:policy/audit", "audit")]),
	"permissions_boundary": fx.no_link,
}

managed := {
	"id": "audit",
	"kind": "iam_managed_policy",
	"name": fx.known("audit"),
	"aws_managed": false,
	"document": fx.known({"statements": [statement(["backup:List*", "cloudtrail:DescribeTrails"])]}),
}

# input_with is the model holding the role and the managed policy, each with top-level fields replaced.
input_with(patch, managed_patch) := object.union(fx.model, {
	"iam_roles": {"scanner": replaced(role, patch)},
	"iam_managed_policies": {"audit": replaced(managed, managed_patch)},
})

replaced(resource, patch) := json.patch(resource, operations) if {
	operations := [{"op": "add", "path": concat("", ["/", key]), "value": value} | some key, value in patch]
}

# verdicts are the rule's results about the scanner role (the fixtures' model holds other roles too).
verdicts(patch, managed_patch) := {[r.status, r.message] | some r in results; r.resource == "scanner"} if {
	results := scanner_role.results with input as input_with(patch, managed_patch)
}

status(patch, managed_patch) := {s | some [s, _] in verdicts(patch, managed_patch)}

message(patch, managed_patch) := concat("\n", {m | some [_, m] in verdicts(patch, managed_patch)})

inline(statements) := {"inline_policies": fx.known([{"name": "ReadConfig", "document": fx.known({"statements": statements})}])}

test_read_only_role_passes if status({}, {}) == {"PASS"}

test_untagged_role_not_applicable if {
	untagged := {"tags": fx.known({"owner": "x"}), "inline_policies": inline([statement(["*"])])}
	status(untagged, {}) == {"NOT_APPLICABLE"}
}

test_unknown_tags_unknown if status({"tags": fx.unknown_leaf}, {}) == {"UNKNOWN"}

test_write_action_fails if {
	status(inline([statement(["s3:PutBucketPolicy"])]), {}) == {"FAIL"}
	contains(message(inline([statement(["s3:PutBucketPolicy"])]), {}), "ReadConfig allows s3:PutBucketPolicy (not read-only)")
}

test_wildcards_fail if {
	every actions in [["*"], ["s3:*"], ["s3:G*"], ["kms:Decrypt"]] {
		status(inline([statement(actions)]), {}) == {"FAIL"}
	}
}

test_object_reads_fail if {
	every action in ["s3:GetObject", "S3:GETOBJECTVERSION", "s3:Get*", "s3:GetObj*", "secretsmanager:GetSecretValue"] {
		status(inline([statement([action])]), {}) == {"FAIL"}
		contains(message(inline([statement([action])]), {}), "(reads data)")
	}
}

test_write_in_managed_policy_fails if {
	status({}, {"document": fx.known({"statements": [statement(["iam:CreateUser"])]})}) == {"FAIL"}
	contains(message({}, {"document": fx.known({"statements": [statement(["iam:CreateUser"])]})}), "audit allows iam:CreateUser")
}

test_deny_statements_do_not_count if {
	deny := object.union(statement(["s3:*"]), {"effect": "Deny"})
	status(inline([read_only, deny]), {}) == {"PASS"}
}

test_not_action_allow_fails if {
	everything_but := object.union(statement([]), {"not_actions": ["iam:*"]})
	status(inline([everything_but]), {}) == {"FAIL"}
}

test_unknown_inline_policies_unknown if status({"inline_policies": fx.unknown_leaf}, {}) == {"UNKNOWN"}

test_unknown_inline_document_unknown if {
	status({"inline_policies": fx.known([{"name": "P", "document": fx.unknown_leaf}])}, {}) == {"UNKNOWN"}
}

test_unknown_managed_list_unknown if status({"managed_policies": fx.unknown_leaf}, {}) == {"UNKNOWN"}

test_unknown_managed_document_unknown if status({}, {"document": fx.unknown_leaf}) == {"UNKNOWN"}

test_unresolved_statement_unknown if {
	partly := object.union(read_only, {"unresolved": ["Action[2]"]})
	status(inline([partly]), {}) == {"UNKNOWN"}
}

test_managed_policy_outside_the_input_unknown if {
	outside := {"managed_policies": fx.known([{"ref": fx.known("arn:aws:iam::111122223333:policy/elsewhere")}])}
	status(outside, {}) == {"UNKNOWN"}
	contains(message(outside, {}), "arn:aws:iam::111122223333:policy/elsewhere: not in the scanned input")
}

test_unresolved_managed_reference_unknown if {
	status({"managed_policies": fx.known([{"ref": fx.unknown_leaf}])}, {}) == {"UNKNOWN"}
}

test_a_certain_defect_fails_despite_an_unreadable_policy if {
	mixed := {"inline_policies": fx.known([
		{"name": "Bad", "document": fx.known({"statements": [statement(["s3:DeleteBucket"])]})},
		{"name": "Hidden", "document": fx.unknown_leaf},
	])}
	status(mixed, {}) == {"FAIL"}
}

test_credential_report_generation_is_read_only if status(inline([statement(["iam:GenerateCredentialReport"])]), {}) == {"PASS"}

test_assume_role_on_named_roles_passes if {
	roles := ["arn:aws:iam::*:role/lexguard-audit", "arn:aws:iam::210987654321:role/audit"]
	named := object.union(statement(["sts:AssumeRole"]), {"resources": roles})
	status(inline([named]), {}) == {"PASS"}
}

test_assume_role_on_any_role_fails if {
	every resources in [["*"], ["arn:aws:iam::111122223333:role/*"], ["arn:aws:iam::111122223333:role/team-*"], ["arn:aws:iam::*:user/x"]] {
		wide := object.union(statement(["sts:AssumeRole"]), {"resources": resources})
		status(inline([wide]), {}) == {"FAIL"}
		contains(message(inline([wide]), {}), "allows sts:AssumeRole (on any role)")
	}
}

test_assume_role_with_not_resource_fails if {
	but := object.union(statement(["sts:AssumeRole"]), {"resources": [], "not_resources": ["arn:aws:iam::111122223333:role/admin"]})
	status(inline([but]), {}) == {"FAIL"}
}
