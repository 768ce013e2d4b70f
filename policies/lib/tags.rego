# METADATA
# title: Required tags
# description: |
#   Every data store carries the tags the configuration requires (input.config.required_tags), and its
#   classification tag holds one of the allowed classifications.
package lexguard.lib.tags

import data.lexguard.lib.classification
import data.lexguard.lib.leaf
import data.lexguard.lib.result

# verdict judges a resource's tags. A tag with an empty value counts as missing.
verdict(resource) := result.unknown_leaf(resource.tags, "tags") if {
	leaf.unknown(resource.tags)
} else := result.fail(concat("", ["required tags are missing: ", concat(", ", missing)]), "tags") if {
	missing := [key | some key in input.config.required_tags; trim_space(object.get(resource.tags.value, key, "")) == ""]
	count(missing) > 0
} else := result.fail(
	sprintf(
		"%s is %s, not one of the allowed classifications (%s)",
		[input.config.classification_tag, classification.of(resource), concat(", ", input.config.allowed_classifications)],
	),
	"tags",
) if {
	classification.of(resource) != ""
	not classification.of(resource) in input.config.allowed_classifications
} else := result.pass("the required tags are present and the classification is allowed")
