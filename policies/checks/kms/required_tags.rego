# METADATA
# title: Customer managed keys carry an allowed classification and an owner
# description: |
#   Each store has an accountable owner, and so does the key that protects it: customer managed keys
#   carry the required tags (data-classification and owner by default), with an allowed classification
#   (input.config). AWS managed keys cannot be tagged.
# custom:
#   id: LG-KMS-007
#   severity: LOW
#   clauses: [CP-13]
#   resource_kinds: [kms_key]
#   sources: [template, live]
#   remediation: |
#     Tag the key with data-classification and owner.
#   cdk: "Tags.of(documentsKey).add('owner', 'records@firm.example')"
package lexguard.checks.kms.required_tags

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.tags

results contains result.of(id, verdict(key)) if some id, key in input.kms_keys

verdict(key) := result.unknown_leaf(key.manager, "manager") if {
	leaf.unknown(key.manager)
} else := result.not_applicable("AWS managed keys cannot be tagged") if {
	key.manager.value == "AWS"
} else := tags.verdict(key)
