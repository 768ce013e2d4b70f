# METADATA
# title: Unauthorized API calls are watched
# description: |
#   Suspicious activity is detected quickly. Calls refused for want of permission are often the first
#   sign of someone probing stolen credentials or a misconfigured tool reaching for client data. A
#   metric filter on the CloudWatch Logs group of a multi-region trail recording every management event
#   must match it (CIS AWS Foundations Benchmark v3.0.0 4.1), and an alarm on the filter's metric must
#   notify an SNS topic. The filter's pattern is compared on its essential terms, without white space or
#   quotes: `$.errorCode=*UnauthorizedOperation`, `$.errorCode=AccessDenied*`.
# custom:
#   id: LG-MON-001
#   severity: MEDIUM
#   clauses: [CP-09]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Add a metric filter for unauthorized API calls (the CIS 4.1 pattern) to the log group the audit trail
#     delivers to, and an alarm on its metric that notifies the security team's SNS topic
#     (in CDK: filter.metric().createAlarm(...).addAlarmAction(new cw_actions.SnsAction(topic))).
#   cdk: "new logs.MetricFilter(this, 'Filter', { logGroup: auditLogs, filterPattern, metricNamespace: 'CIS', metricName })"
package lexguard.checks.monitoring.unauthorized_api_calls

import data.lexguard.lib.metric_alarms
import data.lexguard.lib.result

results contains result.of(id, metric_alarms.verdict(account, terms, event)) if some id, account in input.accounts

event := "unauthorized API calls"

# The essential terms of the CIS pattern, without white space or quotes.
terms := [
	`$.errorCode=*UnauthorizedOperation`,
	`$.errorCode=AccessDenied*`,
]
