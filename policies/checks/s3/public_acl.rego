# METADATA
# title: S3 bucket ACLs grant nothing to everyone or to every AWS user
# description: |
#   Client information is never publicly reachable. An ACL grant to the AllUsers group opens the bucket
#   to anyone on the internet; a grant to AuthenticatedUsers opens it to anyone with an AWS account.
# custom:
#   id: LG-S3-007
#   severity: HIGH
#   clauses: [CP-07]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Remove the public grants (use the Private canned ACL), or disable ACLs altogether with the
#     BucketOwnerEnforced object ownership setting.
#   cdk: "new s3.Bucket(this, 'Docs', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED })"
package lexguard.checks.s3.public_acl

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "everyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "every AWS user",
}

verdict(bucket) := result.unknown_leaf(bucket.acl, "acl") if {
	leaf.unknown(bucket.acl)
} else := result.fail(
	sprintf("the bucket ACL grants %s to %s", [public[0].permission, public_groups[public[0].grantee]]),
	"acl",
) if {
	public := [grant | some grant in bucket.acl.value; grant.grantee_type == "Group"; public_groups[grant.grantee]]
	count(public) > 0
} else := result.pass("the bucket ACL grants nothing to everyone or every AWS user")
