# METADATA
# title: Use of the root account is watched
# description: |
#   Suspicious activity is detected quickly. The root account can do anything, including what no policy
#   can deny; any use of it needs a person's attention at once. A metric filter on the CloudWatch Logs
#   group of a multi-region trail recording every management event must match it (CIS AWS Foundations
#   Benchmark v3.0.0 4.3), and an alarm on the filter's metric must notify an SNS topic. The filter's
#   pattern is compared on its essential terms, without white space or quotes:
#   `$.userIdentity.type=Root`, `$.userIdentity.invokedByNOTEXISTS`, `$.eventType!=AwsServiceEvent`.
# custom:
#   id: LG-MON-003
#   severity: MEDIUM
#   clauses: [CP-09]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Add a metric filter for root account use (the CIS 4.3 pattern) to the log group the audit trail
#     delivers to, and an alarm on its metric that notifies the security team's SNS topic
#     (in CDK: filter.metric().createAlarm(...).addAlarmAction(new cw_actions.SnsAction(topic))).
#   cdk: "new logs.MetricFilter(this, 'Filter', { logGroup: auditLogs, filterPattern, metricNamespace: 'CIS', metricName })"
package lexguard.checks.monitoring.root_use

import data.lexguard.lib.metric_alarms
import data.lexguard.lib.result

results contains result.of(id, metric_alarms.verdict(account, terms, event)) if some id, account in input.accounts

event := "root account use"

# The essential terms of the CIS pattern, without white space or quotes.
terms := [
	`$.userIdentity.type=Root`,
	`$.userIdentity.invokedByNOTEXISTS`,
	`$.eventType!=AwsServiceEvent`,
]
