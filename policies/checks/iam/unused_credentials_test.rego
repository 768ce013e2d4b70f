package lexguard.checks.iam.unused_credentials_test

import data.lexguard.checks.iam.unused_credentials
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in unused_credentials.results with input as model
}

key(patch) := object.union({"id": "AKIAOLD", "active": true, "age_days": 400, "unused_days": 120}, patch)

test_recently_used_credentials_pass if only(fx.model).status == "PASS"

test_unused_password_fails if {
	r := only(fx.with_credentials({"password_unused_days": fx.known(91)}))
	r.status == "FAIL"
	r.message == "unused for more than 90 days: the console password (91 days)"
	r.property == "credentials.password_unused_days"
}

test_unused_active_key_fails if {
	r := only(fx.with_credentials({"access_keys": fx.known([key({})])}))
	r.message == "unused for more than 90 days: access key AKIAOLD (120 days)"
	r.property == "credentials.access_keys"
}

test_never_used_old_key_fails if {
	r := only(fx.with_credentials({"access_keys": fx.known([key({"unused_days": null})])}))
	r.message == "unused for more than 90 days: access key AKIAOLD (400 days)"
}

test_unused_inactive_key_passes if only(fx.with_credentials({"access_keys": fx.known([key({"active": false})])})).status == "PASS"

test_never_used_password_set_long_ago_fails if {
	r := only(fx.with_credentials({"password_unused_days": fx.known(null), "password_age_days": fx.known(200)}))
	r.status == "FAIL"
	r.message == "unused for more than 90 days: the console password, never used since it was set (200 days)"
}

test_never_used_password_set_lately_passes if {
	only(fx.with_credentials({"password_unused_days": fx.known(null), "password_age_days": fx.known(10)})).status == "PASS"
}

test_never_used_password_of_unknown_age_is_unknown if {
	only(fx.with_credentials({"password_unused_days": fx.known(null), "password_age_days": fx.unknown_leaf})).status == "UNKNOWN"
}

test_never_used_undated_password_is_unknown if {
	only(fx.with_credentials({"password_unused_days": fx.known(null), "password_age_days": fx.known(null)})).status == "UNKNOWN"
}

test_user_without_password_is_judged_by_keys if {
	only(fx.with_credentials({
		"password_enabled": fx.known(false),
		"password_unused_days": fx.known(null),
		"password_age_days": fx.known(null),
	})).status == "PASS"
}

test_unknown_keys_are_unknown if only(fx.with_credentials({"access_keys": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_password_use_is_unknown if only(fx.with_credentials({"password_unused_days": fx.unknown_leaf})).status == "UNKNOWN"

test_unknown_password_is_unknown if only(fx.with_credentials({"password_enabled": fx.unknown_leaf})).status == "UNKNOWN"
