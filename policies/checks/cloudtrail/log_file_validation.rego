# METADATA
# title: Trails validate their log files
# description: |
#   The audit trail cannot be altered unnoticed. With log file validation CloudTrail writes a signed
#   digest of every log file, so a log that was changed or deleted after delivery can be told.
# custom:
#   id: LG-CT-002
#   severity: MEDIUM
#   clauses: [CP-08]
#   resource_kinds: [cloudtrail_trail]
#   sources: [template, live]
#   remediation: |
#     Turn on log file validation for the trail.
#   cdk: "new cloudtrail.Trail(this, 'Audit', { enableFileValidation: true })"
package lexguard.checks.cloudtrail.log_file_validation

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(trail)) if some id, trail in input.cloudtrail_trails

verdict(trail) := result.unknown_leaf(trail.log_file_validation, "log_file_validation") if {
	leaf.unknown(trail.log_file_validation)
} else := result.pass("log file validation is on") if {
	trail.log_file_validation.value == true
} else := result.fail("log file validation is off, so an altered or deleted log file cannot be told", "log_file_validation")
