# METADATA
# title: S3 bucket policies refuse TLS versions below 1.2
# description: |
#   Plain connections are refused (LG-S3-003), and so are connections over TLS 1.0 and 1.1, which no
#   longer protect client information in transit. The bucket policy must deny every S3 action to every
#   principal when s3:TlsVersion is below 1.2.
# custom:
#   id: LG-S3-004
#   severity: MEDIUM
#   clauses: [CP-02]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Add a bucket policy statement that denies s3:* to every principal on the bucket and its
#     objects when NumericLessThan s3:TlsVersion 1.2.
#   cdk: "new s3.Bucket(this, 'Docs', { enforceSSL: true, minimumTLSVersion: 1.2 })"
package lexguard.checks.s3.tls_version

import data.lexguard.lib.bucket_policy
import data.lexguard.lib.policy
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := bucket_policy.requirement(
	bucket,
	denies_old_tls(bucket),
	"denies requests made with TLS below 1.2 (s3:TlsVersion)",
)

denies_old_tls(bucket) if {
	some statement in bucket.policy.value.statements
	old_tls_deny(statement)
} else := false

old_tls_deny(statement) if {
	policy.blanket_s3_deny(statement)
	some condition in statement.conditions
	condition.key == "s3:tlsversion"
	condition.qualifier == null
	count(condition.values) == 1
	denies_below_1_2(condition.operator, to_number(condition.values[0]))
}

# TLS versions are 1.0, 1.1, 1.2 and 1.3: "below 1.2" is "< 1.2" or "<= 1.1"; a higher bound is stricter.
denies_below_1_2("NumericLessThan", version) if version >= 1.2

denies_below_1_2("NumericLessThanEquals", version) if version >= 1.1
