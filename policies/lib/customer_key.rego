# METADATA
# title: Customer managed keys
# description: |
#   Stores are encrypted with keys the firm controls (CP-01). A link to a store's KMS key is judged the
#   same way for buckets, trails, vaults, topics and log groups: no key, or an AWS managed one, fails; a
#   key of the scan passes when the firm manages it; a key outside the scan is UNKNOWN.
package lexguard.lib.customer_key

import data.lexguard.lib.leaf
import data.lexguard.lib.result

# verdict judges the key `link` a store encrypts with, the model property `property` names. `words` says
# it in the store's terms: `none`, the message when there is no key; `uses`, how the store uses a key
# ("SSE-KMS uses"); `pass`, the message when the key is the firm's.
verdict(link, property, words) := result.unknown_leaf(link.ref, property) if {
	leaf.unknown(link.ref)
} else := result.fail(words.none, property) if {
	link.ref.value == null
} else := result.fail(
	sprintf("%s the AWS managed key %s, not a customer managed key", [words.uses, link.ref.value]),
	property,
) if {
	aws_managed_alias(link.ref.value)
} else := manager_verdict(key, property, words) if {
	key := input.kms_keys[link.target]
} else := result.unknown(
	sprintf("the key %s is outside the scanned scope, so whether the firm manages it cannot be told", [link.ref.value]),
	property,
)

manager_verdict(key, property, words) := result.unknown_leaf(key.manager, property) if {
	leaf.unknown(key.manager)
} else := result.pass(words.pass) if {
	key.manager.value == "CUSTOMER"
} else := result.fail(sprintf("%s an AWS managed key, not a customer managed key", [words.uses]), property)

aws_managed_alias(ref) if startswith(ref, "alias/aws/")

aws_managed_alias(ref) if contains(ref, ":alias/aws/")
