# METADATA
# title: S3 buckets carry an allowed classification and an owner
# description: |
#   Client information is classified and each store has an accountable owner: every bucket carries the
#   required tags (data-classification and owner by default), and its classification is one of the
#   allowed values (input.config).
# custom:
#   id: LG-S3-017
#   severity: MEDIUM
#   clauses: [CP-13]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Tag the bucket with data-classification (public, internal, confidential or privileged) and owner.
#   cdk: "Tags.of(bucket).add('data-classification', 'confidential'); Tags.of(bucket).add('owner', 'records@firm.example')"
package lexguard.checks.s3.required_tags

import data.lexguard.lib.result
import data.lexguard.lib.tags

results contains result.of(id, tags.verdict(bucket)) if some id, bucket in input.s3_buckets
