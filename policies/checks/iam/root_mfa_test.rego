package lexguard.checks.iam.root_mfa_test

import data.lexguard.checks.iam.root_mfa
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in root_mfa.results with input as model}

test_root_with_mfa_passes if statuses(fx.model) == {"PASS"}

test_root_without_mfa_fails if statuses(fx.with_account({"root": {"mfa_active": fx.known(false)}})) == {"FAIL"}

test_unknown_root_mfa_is_unknown if statuses(fx.with_account({"root": {"mfa_active": fx.unknown_leaf}})) == {"UNKNOWN"}
