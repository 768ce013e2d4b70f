package lexguard.checks.kms.key_separation_test

import data.lexguard.checks.kms.key_separation
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in key_separation.results with input as model}

with_users(used_by) := fx.replaced("/kms_keys/key/used_by", used_by)

test_one_purpose_passes if {
	results := key_separation.results with input as fx.model
	some r in results
	r.status == "PASS"
	r.message == "the key encrypts documents only"
}

test_documents_and_logs_fail if {
	results := key_separation.results with input as with_users({"documents": ["docs"], "logs": ["trail"], "backups": [], "other": []})
	some r in results
	r.status == "FAIL"
	r.message == "the key encrypts documents and logs"
	r.property == "used_by"
}

test_logs_and_backups_fail if statuses(with_users({"documents": [], "logs": ["trail"], "backups": ["vault"], "other": []})) == {"FAIL"}

test_other_uses_do_not_count if statuses(with_users({"documents": [], "logs": ["trail"], "backups": [], "other": ["alarms"]})) == {"PASS"}

test_unused_key_not_applicable if statuses(with_users({"documents": [], "logs": [], "backups": [], "other": []})) == {"NOT_APPLICABLE"}
