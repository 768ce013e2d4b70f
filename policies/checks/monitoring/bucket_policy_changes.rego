# METADATA
# title: S3 bucket policy changes are watched
# description: |
#   Suspicious activity is detected quickly. A changed bucket policy, ACL, CORS, lifecycle or
#   replication rule can expose, delete or move client documents. A metric filter on the CloudWatch Logs
#   group of a multi-region trail recording every management event must match it (CIS AWS Foundations
#   Benchmark v3.0.0 4.8), and an alarm on the filter's metric must notify an SNS topic. The filter's
#   pattern is compared on its essential terms, without white space or quotes:
#   `$.eventName=PutBucketAcl`, `$.eventName=PutBucketPolicy`, `$.eventName=PutBucketCors`,
#   `$.eventName=PutBucketLifecycle`, `$.eventName=PutBucketReplication`,
#   `$.eventName=DeleteBucketPolicy`, `$.eventName=DeleteBucketCors`,
#   `$.eventName=DeleteBucketLifecycle`, `$.eventName=DeleteBucketReplication`.
# custom:
#   id: LG-MON-007
#   severity: MEDIUM
#   clauses: [CP-09]
#   resource_kinds: [account]
#   sources: [template, live]
#   remediation: |
#     Add a metric filter for S3 bucket policy changes (the CIS 4.8 pattern) to the log group the audit trail
#     delivers to, and an alarm on its metric that notifies the security team's SNS topic
#     (in CDK: filter.metric().createAlarm(...).addAlarmAction(new cw_actions.SnsAction(topic))).
#   cdk: "new logs.MetricFilter(this, 'Filter', { logGroup: auditLogs, filterPattern, metricNamespace: 'CIS', metricName })"
package lexguard.checks.monitoring.bucket_policy_changes

import data.lexguard.lib.metric_alarms
import data.lexguard.lib.result

results contains result.of(id, metric_alarms.verdict(account, terms, event)) if some id, account in input.accounts

event := "S3 bucket policy changes"

# The essential terms of the CIS pattern, without white space or quotes.
terms := [
	`$.eventName=PutBucketAcl`,
	`$.eventName=PutBucketPolicy`,
	`$.eventName=PutBucketCors`,
	`$.eventName=PutBucketLifecycle`,
	`$.eventName=PutBucketReplication`,
	`$.eventName=DeleteBucketPolicy`,
	`$.eventName=DeleteBucketCors`,
	`$.eventName=DeleteBucketLifecycle`,
	`$.eventName=DeleteBucketReplication`,
]
