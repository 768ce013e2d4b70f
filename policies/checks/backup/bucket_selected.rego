# METADATA
# title: Sensitive document buckets are selected by a backup plan
# description: |
#   Client information is backed up regularly. Every bucket holding documents classified with a sensitive
#   classification (or unclassified) is selected by an AWS Backup plan's selection, by its ARN, a pattern
#   or its tags. Buckets holding access or trail logs are not judged here.
# custom:
#   id: LG-BAK-001
#   severity: HIGH
#   clauses: [CP-10]
#   resource_kinds: [s3_bucket]
#   sources: [template, live]
#   remediation: |
#     Add the bucket to a backup plan's selection (by ARN, or by a tag the bucket carries). AWS Backup
#     needs versioning on the bucket.
#   cdk: "plan.addSelection('Documents', { resources: [backup.BackupResource.fromArn(documents.bucketArn)] })"
package lexguard.checks.backup.bucket_selected

import data.lexguard.lib.classification
import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(bucket)) if some id, bucket in input.s3_buckets

verdict(bucket) := result.not_applicable(sprintf("the bucket holds %s, not documents", [bucket.holds])) if {
	bucket.holds != "documents"
} else := result.unknown_leaf(bucket.tags, "tags") if {
	leaf.unknown(bucket.tags)
} else := result.not_applicable(sprintf("the bucket is classified %s", [classification.of(bucket)])) if {
	not classification.sensitive(bucket)
} else := result.unknown_leaf(bucket.backup_selections, "backup_selections") if {
	leaf.unknown(bucket.backup_selections)
} else := result.fail("no backup plan selects the bucket", "backup_selections") if {
	count(bucket.backup_selections.value) == 0
} else := result.pass(sprintf("backup selection %s selects the bucket", [concat(", ", bucket.backup_selections.value)]))
