# METADATA
# title: Data residency
# description: |
#   Client information stays in the regions the firm approved (input.config.approved_regions).
package lexguard.lib.residency

import data.lexguard.lib.leaf
import data.lexguard.lib.result

# approved holds for a region the configuration approves.
approved(region) if region in input.config.approved_regions

# verdict judges where a resource is.
verdict(resource) := result.unknown_leaf(resource.region, "region") if {
	leaf.unknown(resource.region)
} else := result.pass(sprintf("%s is an approved region", [resource.region.value])) if {
	approved(resource.region.value)
} else := result.fail(
	sprintf(
		"%s is not an approved region (approved: %s)",
		[resource.region.value, concat(", ", input.config.approved_regions)],
	),
	"region",
)
