# METADATA
# title: Identity policies
# description: |
#   The policies that give a user, group or role its permissions: its inline policies and the managed
#   policies attached to it (read through their links). Rules ask whether one of them holds a statement
#   of some shape (an MFA-enforcing deny, full administrator access).
package lexguard.lib.identity_policies

import data.lexguard.lib.leaf

# unread is the first of a principal's policy lists that could not be read, with its property. An else
# chain, not `some`: when both lists are unknown (a denied GetAccountAuthorizationDetails) `some` would
# give the function two values, and the rule an evaluation error.
unread(principal) := {"leaf": principal.inline_policies, "property": "inline_policies"} if {
	leaf.unknown(principal.inline_policies)
} else := {"leaf": principal.managed_policies, "property": "managed_policies"} if {
	leaf.unknown(principal.managed_policies)
}

# documents are the principal's policies, each {name, document, aws_managed, property}; a managed
# policy outside the scan has an unknown document. The caller checks first that the lists are known
# (`unread`).
documents(principal) := array.concat(
	[inline(policy) | some policy in principal.inline_policies.value],
	[managed(link) | some link in principal.managed_policies.value],
)

inline(policy) := {"name": policy.name, "document": policy.document, "aws_managed": false, "property": "inline_policies"}

managed(link) := {
	"name": link.target,
	"document": policy.document,
	"aws_managed": policy.aws_managed,
	"property": "managed_policies",
} if {
	policy := input.iam_managed_policies[link.target]
} else := {
	"name": object.get(link.ref, "value", "(unresolved)"),
	"document": {"state": "unknown", "reason": outside(link)},
	"aws_managed": false,
	"property": "managed_policies",
}

outside(link) := sprintf("the managed policy %s is outside the scanned scope", [link.ref.value]) if leaf.known(link.ref)

else := link.ref.reason
