# METADATA
# title: Retention periods
# description: |
#   How long a bucket's contents must be kept: client documents for document buckets, audit logs for
#   buckets that hold access or trail logs (input.config).
package lexguard.lib.retention

# days is the period a bucket's contents must be kept.
days(bucket) := input.config.document_retention_days if bucket.holds == "documents"

else := input.config.audit_log_retention_days
