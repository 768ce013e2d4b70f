# METADATA
# title: The audit scanner's role can only read configuration
# description: |
#   Access follows least privilege, and the scanner that audits the document store is no exception: an
#   IAM role tagged lexguard:purpose = audit-scanner may only list, get and describe configuration. Any
#   action that is not read-only (a write, a decrypt, a restore, a wildcard such as s3:* or *), and any
#   read of data rather than configuration (s3:GetObject and its versions, secret and parameter values,
#   table items), fails. Inline policies, policies attached with AWS::IAM::Policy and managed policies
#   are all judged; one that cannot be resolved makes the finding UNKNOWN.
# custom:
#   id: LG-AUD-001
#   severity: HIGH
#   clauses: [CP-04]
#   resource_kinds: [iam_role]
#   sources: [template, live]
#   remediation: |
#     Give the scanner role only the read-only configuration permissions `lexguard iam-policy` prints,
#     and remove any statement that allows a write action, a wildcard action or a read of object data
#     such as s3:GetObject.
#   cdk: "role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetBucketPolicy'], resources: ['*'] }))"
package lexguard.checks.audit.scanner_role

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.scanner_permissions as permissions

results contains result.of(id, verdict(role)) if some id, role in input.iam_roles

# A grant that is known to be too broad is a FAIL even when another of the role's policies could not be
# read: the defect is certain, and more unreadable policies could only add to it.
verdict(role) := result.unknown_leaf(role.tags, "tags") if {
	leaf.unknown(role.tags)
} else := result.not_applicable("the role is not the audit scanner's (tag lexguard:purpose is not audit-scanner)") if {
	not tagged_scanner(role)
} else := result.fail(
	sprintf("the audit scanner's role is not read-only: %s", [concat("; ", sort(permissions.too_broad(role)))]),
	"policies",
) if {
	count(permissions.too_broad(role)) > 0
} else := result.unknown(
	sprintf("the scanner role's permissions could not all be read: %s", [concat("; ", sort(permissions.unreadable(role)))]),
	"policies",
) if {
	count(permissions.unreadable(role)) > 0
} else := result.pass("the audit scanner's role can only list, get and describe configuration")

tagged_scanner(role) if object.get(role.tags.value, "lexguard:purpose", "") == "audit-scanner"
