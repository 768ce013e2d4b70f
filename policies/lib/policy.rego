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

# grants_everyone holds when an Allow statement reaches every caller: its principal is "*", or it names
# a NotPrincipal (everyone except a few is as good as everyone).
grants_everyone(statement) if {
	statement.effect == "Allow"
	applies_to_everyone(statement)
}

grants_everyone(statement) if {
	statement.effect == "Allow"
	statement.not_principals != null
}

# restricted holds when a statement carries a condition that narrows its callers to named accounts, an
# organisation, principals or private network endpoints. aws:SecureTransport only says how a caller
# connects, and aws:SourceIp or aws:Referer only where a request seems to come from: neither says who the
# caller is, so neither restricts.
restricted(statement) if {
	some condition in statement.conditions
	restricting(condition)
}

restricting_keys := {
	"aws:principalaccount",
	"aws:principalarn",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:sourceaccount",
	"aws:sourcearn",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:sourceowner",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:userid",
	"kms:calleraccount",
}

# Operators that hold only when the key equals (or, without wildcards, matches) one of the values.
exact_operators := {"StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike"}

# restricting holds for a condition that only a named caller can meet. An IfExists operator holds when the
# key is absent (an anonymous request has no aws:PrincipalAccount), ForAllValues holds for an empty set,
# and a wildcard matches anyone: none of those restricts.
restricting(condition) if {
	condition.key in restricting_keys
	condition.operator in exact_operators
	not condition.if_exists
	condition.qualifier != "ForAllValues"
	count(condition.values) > 0
	every value in condition.values {
		not contains(value, "*")
		not contains(value, "?")
	}
}

# public_grant holds when a fully resolved statement grants every caller without a restricting condition.
public_grant(statement) if {
	count(statement.unresolved) == 0
	grants_everyone(statement)
	not restricted(statement)
}

# possibly_public holds when a statement could not be fully resolved and might grant every caller: what
# was resolved grants everyone, or its principal itself could not be resolved.
possibly_public(statement) if {
	count(statement.unresolved) > 0
	grants_everyone(statement)
	not restricted(statement)
}

possibly_public(statement) if {
	not restricted(statement)
	some path in statement.unresolved
	principal_path(path)
}

principal_path(path) if startswith(path, "Principal")

principal_path(path) if startswith(path, "NotPrincipal")

# A whole statement that could not be resolved ("Statement[2]").
principal_path(path) if startswith(path, "Statement[")

# possibly_deny holds when a statement could not be fully resolved and might be a Deny: an Allow whose
# Effect was read is never the Deny a control asks for, whatever else could not be resolved.
possibly_deny(statement) if {
	count(statement.unresolved) > 0
	statement.effect == "Deny"
}

possibly_deny(statement) if {
	some path in statement.unresolved
	effect_path(path)
}

effect_path("Effect")

effect_path(path) if startswith(path, "Statement[")

# blanket_s3_deny holds when a fully resolved statement denies every S3 action on a bucket's objects to
# every caller: the shape of a statement that refuses requests on a condition.
blanket_s3_deny(statement) if {
	statement.effect == "Deny"
	count(statement.unresolved) == 0
	applies_to_everyone(statement)
	covers_all_s3_actions(statement)
	covers_objects(statement)
}

# label names a statement in messages: its Sid, or its position in the document.
label(statement, index) := statement.sid if statement.sid != null

else := sprintf("#%d", [index + 1])
