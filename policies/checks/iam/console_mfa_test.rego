package lexguard.checks.iam.console_mfa_test

import data.lexguard.checks.iam.console_mfa
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in console_mfa.results with input as model}

test_console_user_with_mfa_passes if statuses(fx.model) == {"PASS"}

test_console_user_without_mfa_fails if statuses(fx.with_credentials({"mfa_active": fx.known(false)})) == {"FAIL"}

test_user_without_password_not_applicable if {
	statuses(fx.with_credentials({"password_enabled": fx.known(false), "mfa_active": fx.known(false)})) == {"NOT_APPLICABLE"}
}

test_unknown_mfa_is_unknown if statuses(fx.with_credentials({"mfa_active": fx.unknown_leaf})) == {"UNKNOWN"}

test_unknown_password_is_unknown if statuses(fx.with_credentials({"password_enabled": fx.unknown_leaf})) == {"UNKNOWN"}
