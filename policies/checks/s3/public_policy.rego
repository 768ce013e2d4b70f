# METADATA
# title: S3 bucket policies let no anonymous or "*" caller in without a restricting condition
# description: |
#   Client information is never publicly reachable. A bucket policy statement that allows "*" (or
#   everyone but a NotPrincipal) is public unless a condition restricts who the caller is: a named
#   account, organisation or principal (aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn,
#   aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:UserId), or a private network endpoint
#   (aws:SourceVpce, aws:SourceVpc), compared with an exact operator and no wildcard. aws:SecureTransport,
#   aws:SourceIp and aws:Referer do not restrict who the caller is.
# custom:
#   id: LG-S3-008
#   severity: CRITICAL
#   clauses: [CP-07]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Name the principals the statement is for, or add a condition that restricts the caller (for
#     example aws:PrincipalOrgID or aws:SourceVpce with StringEquals).
#   cdk: "bucket.addToResourcePolicy(new iam.PolicyStatement({ principals: [role], ... }))"
package lexguard.checks.s3.public_policy

import data.lexguard.lib.leaf
import data.lexguard.lib.public_grants
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.unknown_leaf(bucket.policy, "policy") if {
	leaf.unknown(bucket.policy)
} else := result.pass("the bucket has no policy, so no statement lets every caller in") if {
	bucket.policy.value == null
} else := public_grants.verdict(bucket.policy.value, "bucket policy")
