package lexguard.checks.iam.root_access_keys_test

import data.lexguard.checks.iam.root_access_keys
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in root_access_keys.results with input as model}

test_root_without_keys_passes if statuses(fx.model) == {"PASS"}

test_root_with_active_key_fails if statuses(fx.with_account({"root": {"access_keys_active": fx.known(true)}})) == {"FAIL"}

test_unknown_root_keys_are_unknown if statuses(fx.with_account({"root": {"access_keys_active": fx.unknown_leaf}})) == {"UNKNOWN"}
