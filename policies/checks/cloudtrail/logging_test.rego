package lexguard.checks.cloudtrail.logging_test

import data.lexguard.checks.cloudtrail.logging
import data.lexguard.lib.fixtures_test as fx

statuses(model) := {r.status | some r in logging.results with input as model}

test_logging_trail_passes if statuses(fx.model) == {"PASS"}

test_stopped_trail_fails if statuses(fx.with_trail({"is_logging": fx.known(false)})) == {"FAIL"}

test_unknown_status_is_unknown if statuses(fx.with_trail({"is_logging": fx.unknown_leaf})) == {"UNKNOWN"}
