# METADATA
# title: Returns a status no one knows
# description: A rule for the engine's isolation test.
# custom:
#   id: LG-DEMO-003
#   severity: HIGH
#   clauses: [CP-01]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: Nothing to remediate; this is a test rule.
package lexguard.checks.demo.malformed

import data.lexguard.lib.verdict

results contains verdict.of(id, "MAYBE") if some id, _ in input.s3_buckets
