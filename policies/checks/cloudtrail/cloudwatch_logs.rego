# METADATA
# title: Trails deliver their events to CloudWatch Logs
# description: |
#   Suspicious activity is detected quickly only if the audit trail can be watched as it happens.
#   Delivery to a CloudWatch Logs group is what lets metric filters and alarms see a trail's events.
# custom:
#   id: LG-CT-004
#   severity: MEDIUM
#   clauses: [CP-08, CP-09]
#   resource_kinds: [cloudtrail_trail]
#   sources: [template, live]
#   remediation: |
#     Send the trail's events to a CloudWatch Logs group (with a role CloudTrail can assume to write them).
#   cdk: "new cloudtrail.Trail(this, 'Audit', { sendToCloudWatchLogs: true, cloudWatchLogGroup: auditLogs })"
package lexguard.checks.cloudtrail.cloudwatch_logs

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(trail)) if some id, trail in input.cloudtrail_trails

verdict(trail) := result.unknown_leaf(trail.log_group.ref, "log_group") if {
	leaf.unknown(trail.log_group.ref)
} else := result.fail("the trail does not deliver its events to CloudWatch Logs", "log_group") if {
	trail.log_group.ref.value == null
} else := result.pass(sprintf("the trail delivers its events to CloudWatch Logs group %s", [log_group_name(trail.log_group)]))

log_group_name(link) := object.get(link, "target", link.ref.value)
