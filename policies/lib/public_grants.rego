# METADATA
# title: Public grants in resource policies
# description: |
#   Bucket and key policies must not let every caller in. A statement allowing "*" (or everyone but a
#   NotPrincipal) is public unless a condition restricts who the caller is (see policy.restricted).
package lexguard.lib.public_grants

import data.lexguard.lib.policy
import data.lexguard.lib.result

# verdict judges a resolved policy document: FAIL naming the first public statement, UNKNOWN when a
# statement that might be public could not be resolved, else PASS. `noun` names the policy in messages.
verdict(document, noun) := result.fail(
	sprintf(
		"%s statement %s allows every caller without a condition that restricts who they are",
		[noun, policy.label(public[0].statement, public[0].index)],
	),
	"policy",
) if {
	public := [{"statement": statement, "index": i} | some i, statement in document.statements; policy.public_grant(statement)]
	count(public) > 0
} else := result.unknown(
	concat("", ["part of the ", noun, " could not be resolved, so whether it lets every caller in cannot be told"]),
	"policy",
) if {
	some statement in document.statements
	policy.possibly_public(statement)
} else := result.pass(concat("", ["no ", noun, " statement lets every caller in"]))
