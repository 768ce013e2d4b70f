# METADATA
# title: Leaf helpers
# description: |
#   Every value of the model is a leaf: {state, value, reason}. These helpers read a leaf so
#   that "off" (a known false) and "could not be read" (unknown) are never confused.
package lexguard.lib.leaf

# known holds when the leaf's value was read or is a documented default.
known(l) if l.state != "unknown"

# unknown holds when the leaf's value could not be read or resolved.
unknown(l) if l.state == "unknown"

# reason is why a leaf is unknown, or an empty string for a known leaf.
reason(l) := l.reason if unknown(l)

else := ""
