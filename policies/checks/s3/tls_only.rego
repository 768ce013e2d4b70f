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

import data.lexguard.lib.bucket_policy
import data.lexguard.lib.policy
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := bucket_policy.requirement(
	bucket,
	denies_plain_http(bucket),
	"denies requests made without TLS (aws:SecureTransport)",
)

denies_plain_http(bucket) if {
	some statement in bucket.policy.value.statements
	insecure_transport_deny(statement)
} else := false

insecure_transport_deny(statement) if {
	policy.blanket_s3_deny(statement)
	some condition in statement.conditions
	condition.operator == "Bool"
	condition.key == "aws:securetransport"
	"false" in condition.values
}
