# METADATA
# title: Policy document helpers
# description: |
#   Questions asked of normalised policy statements (bucket, key, trust and identity policies).
package lexguard.lib.policy

# applies_to_everyone holds when a statement's principal is every caller ("*" or {"AWS": "*"}).
applies_to_everyone(statement) if statement.principals.wildcard == true

applies_to_everyone(statement) if "*" in statement.principals.aws

# covers_all_s3_actions holds when a statement's actions include every S3 action.
covers_all_s3_actions(statement) if {
	count(statement.not_actions) == 0
	some action in statement.actions
	action in {"*", "s3:*"}
}

# covers_objects holds when a statement's resources include the objects of a bucket.
covers_objects(statement) if {
	count(statement.not_resources) == 0
	some resource in statement.resources
	object_scope(resource)
}

object_scope("*")

object_scope(resource) if endswith(resource, "/*")
