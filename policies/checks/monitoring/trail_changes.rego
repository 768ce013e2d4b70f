# METADATA
# title: CloudTrail configuration changes are watched
# description: |
#   Suspicious activity is detected quickly. Whoever stops or changes the trail can act unrecorded; the
#   change itself must raise an alarm. A metric filter on the CloudWatch Logs group of a multi-region
#   trail recording every management event must match it (CIS AWS Foundations Benchmark v3.0.0 4.5), and
#   an alarm on the filter's metric must notify an SNS topic. The filter's pattern is compared on its
#   essential terms, without white space or quotes: `$.eventName=CreateTrail`,
#   `$.eventName=UpdateTrail`, `$.eventName=DeleteTrail`, `$.eventName=StartLogging`,
#   `$.eventName=StopLogging`.
# custom:
#   id: LG-MON-005
#   severity: MEDIUM
#   clauses: [CP-09]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Add a metric filter for CloudTrail configuration changes (the CIS 4.5 pattern) to the log group the audit trail
#     delivers to, and an alarm on its metric that notifies the security team's SNS topic
#     (in CDK: filter.metric().createAlarm(...).addAlarmAction(new cw_actions.SnsAction(topic))).
#   cdk: "new logs.MetricFilter(this, 'Filter', { logGroup: auditLogs, filterPattern, metricNamespace: 'CIS', metricName })"
package lexguard.checks.monitoring.trail_changes

import data.lexguard.lib.metric_alarms
import data.lexguard.lib.result

results contains result.of(id, metric_alarms.verdict(account, terms, event)) if some id, account in input.accounts

event := "CloudTrail configuration changes"

# The essential terms of the CIS pattern, without white space or quotes.
terms := [
	`$.eventName=CreateTrail`,
	`$.eventName=UpdateTrail`,
	`$.eventName=DeleteTrail`,
	`$.eventName=StartLogging`,
	`$.eventName=StopLogging`,
]
