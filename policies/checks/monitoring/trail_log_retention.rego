# METADATA
# title: The log group a trail delivers to keeps events for the audit-log retention period
# description: |
#   The audit trail cannot be lost: the CloudWatch Logs group receiving a trail's events keeps them at
#   least as long as the firm keeps audit logs (audit_log_retention_days), or forever.
# custom:
#   id: LG-MON-010
#   severity: MEDIUM
#   clauses: [CP-08, CP-11]
#   resource_kinds: [cloudtrail_trail]
#   sources: [template, live]
#   remediation: |
#     Set the log group's retention to at least the audit-log retention period (2557 days, 7 years, is the
#     CloudWatch Logs value for the policy's default).
#   cdk: "new logs.LogGroup(this, 'AuditLogs', { retention: logs.RetentionDays.SEVEN_YEARS })"
package lexguard.checks.monitoring.trail_log_retention

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(trail)) if some id, trail in input.cloudtrail_trails

verdict(trail) := result.unknown_leaf(trail.log_group.ref, "log_group") if {
	leaf.unknown(trail.log_group.ref)
} else := result.not_applicable("the trail does not deliver to CloudWatch Logs") if {
	trail.log_group.ref.value == null
} else := retention_verdict(group) if {
	group := input.logs_log_groups[trail.log_group.target]
} else := result.unknown(
	sprintf("the trail's log group %s is outside the scanned scope, so its retention cannot be told", [trail.log_group.ref.value]),
	"log_group",
)

retention_verdict(group) := result.unknown_leaf(group.retention_days, "log_group") if {
	leaf.unknown(group.retention_days)
} else := result.pass(sprintf("log group %s keeps the trail's events forever", [group.id])) if {
	group.retention_days.value == null
} else := result.fail(
	sprintf(
		"log group %s keeps the trail's events %d days, less than the %d days audit logs are kept",
		[group.id, group.retention_days.value, input.config.audit_log_retention_days],
	),
	"log_group",
) if {
	group.retention_days.value < input.config.audit_log_retention_days
} else := result.pass(sprintf("log group %s keeps the trail's events %d days", [group.id, group.retention_days.value]))
