# METADATA
# title: No store is encrypted with a key that is disabled or pending deletion
# description: |
#   Client information stays recoverable. A bucket, trail, log group, vault or topic encrypted with a
#   key that is disabled cannot be read or written; with a key pending deletion its data is lost for
#   good when the waiting period ends. A template can show a disabled key; only live state shows one
#   pending deletion.
# custom:
#   id: LG-KMS-004
#   severity: CRITICAL
#   clauses: [CP-03]
#   resource_kinds: [kms_key]
#   sources: [template, live]
#   remediation: |
#     Cancel the key's deletion (kms cancel-key-deletion) and enable it, or re-encrypt the stores that
#     use it with an enabled key first.
#   cdk: "new kms.Key(this, 'DocumentsKey', { enabled: true })"
package lexguard.checks.kms.key_unusable

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(key)) if some id, key in input.kms_keys

# Key states in which a key cannot encrypt or decrypt.
unusable_states := {"Disabled", "PendingDeletion", "PendingReplicaDeletion", "PendingImport", "Unavailable"}

verdict(key) := result.not_applicable("no store in scope is encrypted with this key") if {
	count(users(key)) == 0
} else := result.unknown_leaf(key.key_state, "key_state") if {
	leaf.unknown(key.key_state)
} else := result.fail(
	sprintf("the key is %s, and %s are encrypted with it", [key.key_state.value, concat(", ", users(key))]),
	"key_state",
) if {
	key.key_state.value in unusable_states
} else := result.pass(concat(" ", ["the key is", key.key_state.value]))

users(key) := array.concat(
	array.concat(key.used_by.documents, key.used_by.logs),
	array.concat(key.used_by.backups, key.used_by.other),
)
