# METADATA
# title: Disabling or scheduling the deletion of KMS keys is watched
# description: |
#   Suspicious activity is detected quickly. A disabled key makes client documents unreadable; a key
#   scheduled for deletion destroys them for good when its waiting period ends, unless someone notices
#   in time. A metric filter on the CloudWatch Logs group of a multi-region trail recording every
#   management event must match it (CIS AWS Foundations Benchmark v3.0.0 4.7), and an alarm on the
#   filter's metric must notify an SNS topic. The filter's pattern is compared on its essential terms,
#   without white space or quotes: `$.eventName=DisableKey`, `$.eventName=ScheduleKeyDeletion`.
# custom:
#   id: LG-MON-006
#   severity: MEDIUM
#   clauses: [CP-09]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Add a metric filter for KMS keys being disabled or scheduled for deletion (the CIS 4.7 pattern) to the log group the audit trail
#     delivers to, and an alarm on its metric that notifies the security team's SNS topic
#     (in CDK: filter.metric().createAlarm(...).addAlarmAction(new cw_actions.SnsAction(topic))).
#   cdk: "new logs.MetricFilter(this, 'Filter', { logGroup: auditLogs, filterPattern, metricNamespace: 'CIS', metricName })"
package lexguard.checks.monitoring.key_disable_or_deletion

import data.lexguard.lib.metric_alarms
import data.lexguard.lib.result

results contains result.of(id, metric_alarms.verdict(account, terms, event)) if some id, account in input.accounts

event := "KMS keys being disabled or scheduled for deletion"

# The essential terms of the CIS pattern, without white space or quotes.
terms := [
	`$.eventName=DisableKey`,
	`$.eventName=ScheduleKeyDeletion`,
]
