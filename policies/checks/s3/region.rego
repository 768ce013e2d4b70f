# METADATA
# title: S3 buckets are in approved regions
# description: |
#   Client information stays in the jurisdictions the firm approved (input.config.approved_regions).
#   A template does not say where it is deployed: scan it with -p AWS::Region=<region>, or the answer is UNKNOWN.
# custom:
#   id: LG-S3-015
#   severity: HIGH
#   clauses: [CP-12]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Move the bucket's data to a bucket in an approved region, or deploy the stack only to approved
#     regions.
#   cdk: "new cdk.Stack(app, 'DocumentStore', { env: { region: 'eu-west-1' } })"
package lexguard.checks.s3.region

import data.lexguard.lib.residency
import data.lexguard.lib.result

results contains result.of(id, residency.verdict(bucket)) if some id, bucket in input.s3_buckets
