# METADATA
# title: Judges every bucket
# description: A rule for the engine's isolation test.
# custom:
#   id: LG-DEMO-001
#   severity: HIGH
#   clauses: [CP-01]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: Nothing to remediate; this is a test rule.
package lexguard.checks.demo.good

import data.lexguard.lib.verdict

results contains verdict.of(id, "PASS") if some id, _ in input.s3_buckets
