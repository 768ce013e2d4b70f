# METADATA
# title: S3 Block Public Access
# description: |
#   The four Block Public Access flags, read the same way on a bucket and on an account.
package lexguard.lib.public_access

import data.lexguard.lib.leaf
import data.lexguard.lib.result

flags := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

# verdict judges a block of the four flags found at `property` of the resource: FAIL naming the flags
# that are off, UNKNOWN naming the first that could not be read, PASS when all four are on.
verdict(block, property) := result.fail(
	sprintf("Block Public Access is not fully on: %s off", [concat(", ", off)]),
	sprintf("%s.%s", [property, off[0]]),
) if {
	off := [flag | some flag in flags; leaf.known(block[flag]); block[flag].value == false]
	count(off) > 0
} else := result.unknown_leaf(block[unread[0]], sprintf("%s.%s", [property, unread[0]])) if {
	unread := [flag | some flag in flags; leaf.unknown(block[flag])]
	count(unread) > 0
} else := result.pass("all four Block Public Access flags are on")
