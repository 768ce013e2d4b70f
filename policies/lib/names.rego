# METADATA
# title: Names in messages
# description: |
#   How messages name the parts of a resource (lifecycle rules, replication rules).
package lexguard.lib.names

# of names an item by its id, or says it has none.
of(item) := item.id if item.id != null

else := "(unnamed)"
