# METADATA
# title: Customer managed KMS keys rotate automatically
# description: |
#   Encryption keys are rotated regularly. Symmetric customer managed keys must have automatic
#   key rotation on; AWS rotates AWS managed keys itself, and asymmetric and HMAC keys cannot
#   rotate automatically.
# custom:
#   id: LG-KMS-001
#   severity: MEDIUM
#   clauses: [CP-03]
#   resource_kinds: [kms_key]
#   sources: [template, live]
#   remediation: |
#     Turn on automatic key rotation for the key.
#   cdk: "new kms.Key(this, 'DocumentsKey', { enableKeyRotation: true })"
package lexguard.checks.kms.rotation

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(key)) if some id, key in input.kms_keys

verdict(key) := result.unknown_leaf(key.manager, "manager") if {
	leaf.unknown(key.manager)
} else := result.not_applicable("AWS rotates AWS managed keys itself") if {
	key.manager.value == "AWS"
} else := result.unknown_leaf(key.spec, "spec") if {
	leaf.unknown(key.spec)
} else := result.not_applicable(sprintf("%s keys cannot rotate automatically", [key.spec.value])) if {
	key.spec.value != "SYMMETRIC_DEFAULT"
} else := result.unknown_leaf(key.rotation_enabled, "rotation_enabled") if {
	leaf.unknown(key.rotation_enabled)
} else := result.pass("automatic key rotation is on") if {
	key.rotation_enabled.value == true
} else := result.fail("automatic key rotation is off", "rotation_enabled")
