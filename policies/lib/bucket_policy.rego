# METADATA
# title: Bucket policy requirements
# description: |
#   Controls met by a statement in the bucket policy (deny plain HTTP, deny old TLS) share one verdict:
#   unknown policy, no policy, a statement that meets it, a Deny statement that could not be fully
#   resolved (it might be the one), none.
package lexguard.lib.bucket_policy

import data.lexguard.lib.leaf
import data.lexguard.lib.policy
import data.lexguard.lib.result

# requirement judges a bucket whose policy must hold a statement that does what `need` says (a phrase
# such as "denies requests made without TLS"). `met` says whether a fully resolved statement does.
requirement(bucket, met, need) := result.unknown_leaf(bucket.policy, "policy") if {
	leaf.unknown(bucket.policy)
} else := result.fail(sprintf("the bucket has no policy, so no statement %s", [need]), "policy") if {
	bucket.policy.value == null
} else := result.pass(concat(" ", ["the bucket policy", need])) if {
	met == true
} else := result.unknown(
	sprintf("part of the bucket policy could not be resolved, so whether it %s cannot be told", [need]),
	"policy",
) if {
	some statement in bucket.policy.value.statements
	policy.possibly_deny(statement)
} else := result.fail(concat(" ", ["no bucket policy statement", need]), "policy")
