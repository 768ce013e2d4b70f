# METADATA
# title: Audit trails
# description: |
#   The trail an account's audit rests on (CP-08): one that records every management event, reads and
#   writes, of every region, and is logging. The absence rules (a trail exists, alarms watch it) look for
#   one among the account's trails (its `trails` link).
package lexguard.lib.trails

import data.lexguard.lib.leaf
import data.lexguard.lib.result

# audit_trail holds for a trail known to record every management event of every region.
audit_trail(trail) if {
	count(shortfalls(trail)) == 0
	count(unread(trail)) == 0
}

# shortfalls lists what keeps a trail from being an audit trail, among the properties that were read.
shortfalls(trail) := [requirement.words |
	some requirement in requirements(trail)
	leaf.known(requirement.leaf)
	not requirement.met
]

# unread lists the properties that could not be read, with the reason.
unread(trail) := [sprintf("%s: %s", [requirement.property, requirement.leaf.reason]) |
	some requirement in requirements(trail)
	leaf.unknown(requirement.leaf)
]

requirements(trail) := [
	{
		"leaf": trail.multi_region,
		"property": "multi_region",
		"met": object.get(trail.multi_region, "value", false) == true,
		"words": "it records one region only",
	},
	{
		"leaf": trail.is_logging,
		"property": "is_logging",
		"met": object.get(trail.is_logging, "value", false) == true,
		"words": "it is not logging",
	},
	{
		"leaf": trail.management_events,
		"property": "management_events",
		"met": object.get(trail.management_events, "value", "") == "All",
		"words": sprintf("it records %s management events, not all", [object.get(trail.management_events, "value", "")]),
	},
	{
		"leaf": trail.excluded_management_event_sources,
		"property": "excluded_management_event_sources",
		"met": count(object.get(trail.excluded_management_event_sources, "value", [])) == 0,
		"words": sprintf(
			"it leaves out the events of %s",
			[concat(", ", object.get(trail.excluded_management_event_sources, "value", []))],
		),
	},
]

# audit_trails are the ids of the account's audit trails; the caller checks first that its trails are known.
audit_trails(account) := [id | some id in account.trails.value; audit_trail(input.cloudtrail_trails[id])]

# undecided is the first of the account's trails that might be an audit trail but could not be fully read.
undecided(account) := [sprintf("trail %s: %s", [id, unread(trail)[0]]) |
	some id in account.trails.value
	trail := input.cloudtrail_trails[id]
	count(shortfalls(trail)) == 0
	count(unread(trail)) > 0
][0]

# verdict_without judges an account that has no audit trail: UNKNOWN when one of its trails might be one,
# FAIL otherwise, naming what each trail lacks. `consequence` ends the message (", so no alarm can …").
verdict_without(account, consequence) := result.unknown(
	sprintf(
		"whether a trail records every management event of every region cannot be told%s: %s",
		[consequence, undecided(account)],
	),
	"trails",
) if {
	undecided(account)
} else := result.fail(
	sprintf(
		"the scan's scope holds no trail%s; a trail created outside the scanned templates is not seen (scan them together, or the live account)",
		[consequence],
	),
	"trails",
) if {
	count(account.trails.value) == 0
} else := result.fail(
	sprintf("no trail records every management event of every region%s: %s", [consequence, concat("; ", [
	sprintf("trail %s: %s", [id, concat(", ", shortfalls(input.cloudtrail_trails[id]))]) |
		some id in account.trails.value
	])]),
	"trails",
)
