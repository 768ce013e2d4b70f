package lexguard.main_test

import data.lexguard.lib.fixtures_test as fx
import data.lexguard.main

test_results_are_keyed_by_check_package if {
	results := main.results with input as fx.model
	every path in {"s3.encryption_cmk", "s3.tls_only", "kms.rotation"} {
		count(results[path]) > 0
	}
}
