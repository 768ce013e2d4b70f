package lexguard.lib.leaf_test

import data.lexguard.lib.fixtures_test as fx
import data.lexguard.lib.leaf

test_explicit_and_default_are_known if {
	leaf.known(fx.known(false))
	leaf.known({"state": "default", "value": false})
	not leaf.unknown(fx.known(false))
}

test_unknown_is_not_known if {
	leaf.unknown(fx.unknown_leaf)
	not leaf.known(fx.unknown_leaf)
}

test_reason_of_unknown if leaf.reason(fx.unknown_leaf) == fx.unknown_leaf.reason

test_reason_of_known_is_empty if leaf.reason(fx.known(1)) == ""
