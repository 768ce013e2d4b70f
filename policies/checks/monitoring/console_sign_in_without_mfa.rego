# METADATA
# title: Console sign-in without MFA is watched
# description: |
#   Suspicious activity is detected quickly. A console sign-in without a second factor breaks the firm's
#   authentication policy (CP-05) and may be an attacker holding only a password. A metric filter on the
#   CloudWatch Logs group of a multi-region trail recording every management event must match it (CIS
#   AWS Foundations Benchmark v3.0.0 4.2), and an alarm on the filter's metric must notify an SNS topic.
#   The filter's pattern is compared on its essential terms, without white space or quotes:
#   `$.eventName=ConsoleLogin`, `$.additionalEventData.MFAUsed!=Yes`.
# custom:
#   id: LG-MON-002
#   severity: MEDIUM
#   clauses: [CP-09]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Add a metric filter for console sign-in without MFA (the CIS 4.2 pattern) to the log group the audit trail
#     delivers to, and an alarm on its metric that notifies the security team's SNS topic
#     (in CDK: filter.metric().createAlarm(...).addAlarmAction(new cw_actions.SnsAction(topic))).
#   cdk: "new logs.MetricFilter(this, 'Filter', { logGroup: auditLogs, filterPattern, metricNamespace: 'CIS', metricName })"
package lexguard.checks.monitoring.console_sign_in_without_mfa

import data.lexguard.lib.metric_alarms
import data.lexguard.lib.result

results contains result.of(id, metric_alarms.verdict(account, terms, event)) if some id, account in input.accounts

event := "console sign-in without MFA"

# The essential terms of the CIS pattern, without white space or quotes.
terms := [
	`$.eventName=ConsoleLogin`,
	`$.additionalEventData.MFAUsed!=Yes`,
]
