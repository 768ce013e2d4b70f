# METADATA
# title: The bucket a trail delivers to
# description: |
#   Rules about the bucket holding a trail's log files judge the trail (the finding names it) by what its
#   bucket link leads to; a bucket that cannot be read or is outside the scan is UNKNOWN.
package lexguard.lib.trail_bucket

import data.lexguard.lib.leaf
import data.lexguard.lib.result

# of is the trail's bucket, when it is in the scan.
of(trail) := input.s3_buckets[trail.bucket.target]

# unreadable is the UNKNOWN verdict for a trail whose bucket cannot be judged; undefined otherwise.
unreadable(trail) := result.unknown_leaf(trail.bucket.ref, "bucket") if {
	leaf.unknown(trail.bucket.ref)
} else := result.unknown(
	sprintf("the trail's bucket %s is outside the scanned scope, so it cannot be judged", [trail.bucket.ref.value]),
	"bucket",
) if {
	not of(trail)
}
