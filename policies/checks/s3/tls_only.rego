# METADATA
# title: S3 bucket policies refuse requests that are not sent over TLS
# description: |
#   Client information is encrypted in transit and plain connections are refused. The bucket
#   policy must deny every S3 action to every principal when aws:SecureTransport is false.
# custom:
#   id: LG-S3-003
#   severity: HIGH
#   clauses: [CP-02]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Add a bucket policy statement that denies s3:* to every principal on the bucket and its
#     objects when aws:SecureTransport is false.
#   cdk: "new s3.Bucket(this, 'Docs', { enforceSSL: true })"
package lexguard.checks.s3.tls_only

import data.lexguard.lib.leaf
import data.lexguard.lib.policy
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.policy, "policy") if {
	leaf.unknown(bucket.policy)
} else := result.fail("the bucket has no policy, so plain HTTP requests are not refused", "policy") if {
	bucket.policy.value == null
} else := result.pass("the bucket policy denies requests without TLS") if {
	some statement in bucket.policy.value.statements
	denies_insecure_transport(statement)
} else := result.unknown(
	"part of the bucket policy could not be resolved, so whether it denies plain HTTP cannot be told",
	"policy",
) if {
	some statement in bucket.policy.value.statements
	count(statement.unresolved) > 0
} else := result.fail("no bucket policy statement denies requests made without TLS (aws:SecureTransport)", "policy")

denies_insecure_transport(statement) if {
	statement.effect == "Deny"
	count(statement.unresolved) == 0
	policy.applies_to_everyone(statement)
	policy.covers_all_s3_actions(statement)
	policy.covers_objects(statement)
	some condition in statement.conditions
	condition.operator == "Bool"
	condition.key == "aws:securetransport"
	"false" in condition.values
}
