# METADATA
# title: Trails deliver to a bucket that blocks public access
# description: |
#   The audit trail records who touched which client document; it must never be publicly readable. The
#   bucket a trail delivers to needs all four S3 Block Public Access flags on.
# custom:
#   id: LG-CT-006
#   severity: HIGH
#   clauses: [CP-07, CP-08]
#   resource_kinds: [cloudtrail_trail]
#   sources: [template, live]
#   remediation: |
#     Turn on all four Block Public Access settings on the trail's bucket.
#   cdk: "new s3.Bucket(this, 'TrailLogs', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL })"
package lexguard.checks.cloudtrail.bucket_private

import data.lexguard.lib.public_access
import data.lexguard.lib.result
import data.lexguard.lib.trail_bucket

results contains result.of(id, verdict(trail)) if some id, trail in input.cloudtrail_trails

verdict(trail) := trail_bucket.unreadable(trail) if {
	trail_bucket.unreadable(trail)
} else := judge(trail_bucket.of(trail))

judge(bucket) := object.union(verdict, {"message": sprintf("the trail's bucket: %s", [verdict.message])}) if {
	verdict := public_access.verdict(bucket.public_access_block, "bucket")
}
