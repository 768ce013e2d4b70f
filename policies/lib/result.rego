# METADATA
# title: Result builders
# description: |
#   A check decides one verdict per resource. A verdict is PASS, FAIL, UNKNOWN or
#   NOT_APPLICABLE, with a message that names the defect and the model property it is about.
package lexguard.lib.result

import data.lexguard.lib.leaf

# pass is the verdict for a resource that meets the control.
pass(message) := {"status": "PASS", "message": message, "property": ""}

# fail is the verdict for a resource that breaks the control, naming the property at fault.
fail(message, property) := {"status": "FAIL", "message": message, "property": property}

# unknown is the verdict when the values needed to decide could not be read or resolved.
unknown(message, property) := {"status": "UNKNOWN", "message": message, "property": property}

# unknown_leaf is the UNKNOWN verdict for an unknown leaf, carrying the leaf's reason.
# (concat rather than sprintf, here and in other messages built for every resource: the Wasm runtime
# calls out to JavaScript for sprintf, which cost about an eighth of the rules' time on large models.)
unknown_leaf(l, property) := unknown(concat("", [property, " could not be determined: ", leaf.reason(l)]), property)

# not_applicable is the verdict for a resource the control does not concern.
not_applicable(message) := {"status": "NOT_APPLICABLE", "message": message, "property": ""}

# of attaches the resource id to a verdict.
of(id, verdict) := object.union(verdict, {"resource": id})
