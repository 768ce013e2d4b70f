# METADATA
# title: KMS keys are in approved regions
# description: |
#   Client information stays in the jurisdictions the firm approved, and so do the keys that protect it
#   (input.config.approved_regions). A template does not say where it is deployed: scan it with
#   -p AWS::Region=<region>, or the answer is UNKNOWN.
# custom:
#   id: LG-KMS-005
#   severity: HIGH
#   clauses: [CP-12]
#   resource_kinds: [kms_key]
#   sources: [template, live]
#   remediation: |
#     Create keys only in approved regions, and deploy the stack only to approved regions.
#   cdk: "new cdk.Stack(app, 'DocumentStore', { env: { region: 'eu-west-1' } })"
package lexguard.checks.kms.region

import data.lexguard.lib.residency
import data.lexguard.lib.result

results contains result.of(id, residency.verdict(key)) if some id, key in input.kms_keys
