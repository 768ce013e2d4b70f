# METADATA
# title: S3 buckets turn on all four Block Public Access flags
# description: |
#   Client information is never publicly reachable. Block Public Access on the bucket refuses public
#   ACLs and policies and ignores any that exist, whatever a later change to the bucket says.
# custom:
#   id: LG-S3-005
#   severity: HIGH
#   clauses: [CP-07]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Turn on BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets on the
#     bucket.
#   cdk: "new s3.Bucket(this, 'Docs', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL })"
package lexguard.checks.s3.public_access_block

import data.lexguard.lib.public_access
import data.lexguard.lib.result

results contains result.of(id, public_access.verdict(bucket.public_access_block, "public_access_block")) if {
	some id, bucket in input.s3_buckets
}
