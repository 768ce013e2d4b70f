package lexguard.checks.s3.public_acl_test

import data.lexguard.checks.s3.public_acl
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in public_acl.results with input as model}

group_grant(uri, permission) := {"grantee_type": "Group", "grantee": uri, "permission": permission}

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

test_no_grants_passes if statuses(fx.model) == {"PASS"}

test_log_delivery_grant_passes if {
	statuses(fx.with_bucket({"acl": fx.known([group_grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE")])})) == {"PASS"}
}

test_grant_to_everyone_fails if {
	results := public_acl.results with input as fx.with_bucket({"acl": fx.known([group_grant(all_users, "READ")])})
	some r in results
	r.status == "FAIL"
	r.message == "the bucket ACL grants READ to everyone"
}

test_grant_to_every_aws_user_fails if {
	grant := group_grant("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "WRITE")
	statuses(fx.with_bucket({"acl": fx.known([grant])})) == {"FAIL"}
}

test_unknown_acl_is_unknown if statuses(fx.with_bucket({"acl": fx.unknown_leaf})) == {"UNKNOWN"}
