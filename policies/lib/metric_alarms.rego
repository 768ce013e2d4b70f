# METADATA
# title: Alarms on the audit trail
# description: |
#   Suspicious activity is detected quickly (CP-09): a metric filter on the CloudWatch Logs group of one of
#   the account's audit trails matches the event, and an alarm on the filter's metric notifies an SNS
#   topic. Filter patterns are compared on their essential terms, without white space or quotes, so that
#   the CIS patterns match however they are spaced or quoted.
package lexguard.lib.metric_alarms

import data.lexguard.lib.leaf
import data.lexguard.lib.result
import data.lexguard.lib.trails

# verdict judges whether the account is watched for `event` (words such as "root account use"), by a
# filter whose pattern mentions every term of `terms`.
verdict(account, terms, event) := result.unknown_leaf(account.trails, "trails") if {
	leaf.unknown(account.trails)
} else := trails.verdict_without(account, sprintf(", so no metric filter can watch for %s", [event])) if {
	count(trails.audit_trails(account)) == 0
} else := result.pass(sprintf(
	"metric filter %s on log group %s matches %s, and alarm %s notifies %s",
	[watch.filter, watch.group, event, watch.alarm, watch.topic],
)) if {
	watch := watches(account, terms)[0]
} else := result.unknown(
	sprintf("whether an alarm watches for %s cannot be told: %s", [event, doubts(account, terms)[0]]),
	"trails",
) if {
	count(doubts(account, terms)) > 0
} else := result.fail(sprintf("%s, so nothing alerts on %s", [shortfall(account, terms), event]), "trails")

# groups are the log groups of the scan the account's audit trails deliver to.
groups(account) := {id | some trail in trails.audit_trails(account); id := input.cloudtrail_trails[trail].log_group.target}

# matching are the metric filters on those groups whose pattern mentions every term.
matching(account, terms) := [{"filter": id, "group": group} |
	some group in groups(account)
	some id in listed(input.logs_log_groups[group].metric_filters)
	matches(input.cloudwatch_metric_filters[id], terms)
]

# alarmed are the alarms (with the filter they watch) on the metrics of the matching filters.
alarmed(account, terms) := [object.union(match, {"alarm": id}) |
	some match in matching(account, terms)
	some id in listed(input.cloudwatch_metric_filters[match.filter].alarms)
]

# watches are the alarms with their actions on that notify an SNS topic.
watches(account, terms) := [object.union(alarm, {"topic": topic}) |
	some alarm in alarmed(account, terms)
	watching := input.cloudwatch_alarms[alarm.alarm]
	leaf.known(watching.actions_enabled)
	watching.actions_enabled.value == true
	some action in listed(watching.alarm_actions)
	topic := sns_topic(action)
]

sns_topic(action) := action.target if input.sns_topics[action.target]

else := action.ref.value if {
	leaf.known(action.ref)
	contains(action.ref.value, ":sns:")
}

# listed is the list a leaf holds, or none when it could not be read (the doubts say so).
listed(l) := l.value if leaf.known(l)

else := []

# matches holds when a filter's pattern, without white space or quotes, mentions every term.
matches(filter, terms) if {
	leaf.known(filter.pattern_compact)
	pattern := replace(filter.pattern_compact.value, `"`, "")
	every term in terms {
		mentions(pattern, term)
	}
}

# mentions holds when a term stands in a pattern as a whole comparison: `$.eventName=CreatePolicy` is not
# mentioned by `($.eventName=CreatePolicyVersion)`.
mentions(pattern, term) if {
	some end in [")", "|", "&", "}"]
	contains(pattern, concat("", [term, end]))
}

mentions(pattern, term) if endswith(pattern, term)

# doubts are the reasons an alarm might watch for the event but could not be read.
doubts(account, terms) := array.concat(array.concat(trail_doubts(account), filter_doubts(account)), alarm_doubts(account, terms))

trail_doubts(account) := [doubt |
	some id in trails.audit_trails(account)
	doubt := log_group_doubt(id, input.cloudtrail_trails[id].log_group)
]

log_group_doubt(trail, link) := sprintf("the log group of trail %s: %s", [trail, link.ref.reason]) if {
	leaf.unknown(link.ref)
} else := sprintf("the log group %s of trail %s is outside the scanned scope", [link.ref.value, trail]) if {
	link.ref.value != null
	not in_scope(link)
} else := sprintf("the metric filters of log group %s: %s", [link.target, group.metric_filters.reason]) if {
	group := input.logs_log_groups[link.target]
	leaf.unknown(group.metric_filters)
}

in_scope(link) if input.logs_log_groups[link.target]

filter_doubts(account) := [sprintf("metric filter %s: %s", [id, reason]) |
	some group in groups(account)
	some id in listed(input.logs_log_groups[group].metric_filters)
	filter := input.cloudwatch_metric_filters[id]
	some reason in unread_filter(filter)
]

unread_filter(filter) := [filter.pattern_compact.reason] if leaf.unknown(filter.pattern_compact)

else := [filter.alarms.reason] if {
	leaf.unknown(filter.alarms)
}

else := []

alarm_doubts(account, terms) := [sprintf("alarm %s: %s", [alarm.alarm, reason]) |
	some alarm in alarmed(account, terms)
	watching := input.cloudwatch_alarms[alarm.alarm]
	some l in [watching.actions_enabled, watching.alarm_actions]
	leaf.unknown(l)
	reason := l.reason
]

# shortfall says how far the account got towards an alarm, for a FAIL.
shortfall(account, terms) := "no trail that records every management event of every region delivers to CloudWatch Logs" if {
	count(groups(account)) == 0
} else := sprintf("no metric filter on log group %s matches the event", [concat(", ", sort(groups(account)))]) if {
	count(matching(account, terms)) == 0
} else := sprintf("no alarm watches the metric of filter %s", [concat(", ", [m.filter | some m in matching(account, terms)])]) if {
	count(alarmed(account, terms)) == 0
} else := sprintf(
	"alarm %s does not notify an SNS topic with its actions enabled",
	[concat(", ", [a.alarm | some a in alarmed(account, terms)])],
)
