package lexguard.checks.iam.access_key_age_test

import data.lexguard.checks.iam.access_key_age
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in access_key_age.results with input as model
}

keys(list) := fx.with_credentials({"access_keys": fx.known(list)})

test_young_key_passes if only(fx.model).status == "PASS"

test_old_active_key_fails if {
	r := only(keys([{"id": "AKIAOLD", "active": true, "age_days": 91, "unused_days": 0}]))
	r.status == "FAIL"
	r.message == "active access keys older than 90 days: AKIAOLD (91 days)"
}

test_old_inactive_key_not_applicable if {
	only(keys([{"id": "AKIAOLD", "active": false, "age_days": 400, "unused_days": 300}])).status == "NOT_APPLICABLE"
}

test_unknown_keys_are_unknown if only(fx.with_credentials({"access_keys": fx.unknown_leaf})).status == "UNKNOWN"
