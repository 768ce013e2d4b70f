# METADATA
# title: Crashes on a bucket named crash
# description: A rule for the engine's isolation test.
# custom:
#   id: LG-DEMO-002
#   severity: HIGH
#   clauses: [CP-01]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: Nothing to remediate; this is a test rule.
package lexguard.checks.demo.crash

import data.lexguard.lib.verdict

# Two values for one complete rule: OPA aborts the evaluation at run time.
conflict := 1 if input.s3_buckets.crash

conflict := 2 if input.s3_buckets.crash

results contains verdict.of(id, "FAIL") if {
	some id, _ in input.s3_buckets
	conflict > 0
}
