# METADATA
# title: Trails are logging
# description: |
#   A trail that was stopped records nothing. Only the live account shows whether a trail is logging
#   now (GetTrailStatus); a template only states what it was created with, which LG-CT-001 reads.
# custom:
#   id: LG-CT-008
#   severity: HIGH
#   clauses: [CP-08]
#   resource_kinds: [cloudtrail_trail]
#   sources: [live]
#   remediation: |
#     Start logging on the trail (cloudtrail start-logging), and find out who stopped it and why.
package lexguard.checks.cloudtrail.logging

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(trail)) if some id, trail in input.cloudtrail_trails

verdict(trail) := result.unknown_leaf(trail.is_logging, "is_logging") if {
	leaf.unknown(trail.is_logging)
} else := result.pass("the trail is logging") if {
	trail.is_logging.value == true
} else := result.fail("the trail is not logging: it records nothing", "is_logging")
