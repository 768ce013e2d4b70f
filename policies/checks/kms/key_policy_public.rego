# METADATA
# title: Key policies let no anonymous or "*" caller use the key without a restricting condition
# description: |
#   Encryption keys are usable only by named roles. A key policy statement that allows "*" (or
#   everyone but a NotPrincipal) must carry a condition that restricts who the caller is, such as
#   kms:CallerAccount or aws:PrincipalOrgID with an exact operator (see LG-S3-008 for the full list).
#   AWS managed keys are out of scope: AWS writes their policies.
# custom:
#   id: LG-KMS-002
#   severity: HIGH
#   clauses: [CP-03]
#   resource_kinds: [kms_key]
#   sources: [template, live]
#   remediation: |
#     Name the principals in the key policy statement, or restrict it with kms:CallerAccount (and
#     kms:ViaService) or aws:PrincipalOrgID.
#   cdk: "key.addToResourcePolicy(new iam.PolicyStatement({ principals: [role], actions: ['kms:Decrypt'], resources: ['*'] }))"
package lexguard.checks.kms.key_policy_public

import data.lexguard.lib.leaf
import data.lexguard.lib.public_grants
import data.lexguard.lib.result

results contains result.of(id, verdict(key)) if some id, key in input.kms_keys

verdict(key) := result.unknown_leaf(key.manager, "manager") if {
	leaf.unknown(key.manager)
} else := result.not_applicable("AWS writes the policies of AWS managed keys") if {
	key.manager.value == "AWS"
} else := result.unknown_leaf(key.policy, "policy") if {
	leaf.unknown(key.policy)
} else := result.unknown("the key policy was not read", "policy") if {
	key.policy.value == null
} else := public_grants.verdict(key.policy.value, "key policy")
