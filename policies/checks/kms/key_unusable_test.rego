package lexguard.checks.kms.key_unusable_test

import data.lexguard.checks.kms.key_unusable
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in key_unusable.results with input as model}

# used_in_state is the model whose key, in this state, encrypts these stores.
used_in_state(used_by, state) := object.union(
	fx.replaced("/kms_keys/key/used_by", used_by),
	{"kms_keys": {"key": {"key_state": fx.known(state)}}},
)

test_enabled_key_passes if statuses(fx.model) == {"PASS"}

test_pending_deletion_fails_naming_the_stores if {
	model := used_in_state({"documents": ["docs"], "logs": [], "backups": ["vault"], "other": []}, "PendingDeletion")
	results := key_unusable.results with input as model
	some r in results
	r.status == "FAIL"
	r.property == "key_state"
	r.message == "the key is PendingDeletion, and docs, vault are encrypted with it"
}

test_disabled_key_fails if statuses(fx.with_key({"key_state": fx.known("Disabled")})) == {"FAIL"}

test_unused_disabled_key_not_applicable if {
	model := used_in_state({"documents": [], "logs": [], "backups": [], "other": []}, "Disabled")
	statuses(model) == {"NOT_APPLICABLE"}
}

test_key_used_by_a_topic_counts if {
	model := used_in_state({"documents": [], "logs": [], "backups": [], "other": ["alarms"]}, "Disabled")
	statuses(model) == {"FAIL"}
}

test_unknown_state_is_unknown if statuses(fx.with_key({"key_state": fx.unknown_leaf})) == {"UNKNOWN"}
