# METADATA
# title: What an IAM principal's policies allow, judged for a read-only auditor
# description: |
#   The Allow statements of a role's inline and managed policies, and which of their actions go beyond
#   reading configuration. Actions are compared lower-cased (IAM matches them case-insensitively); a
#   wildcard action is read-only only when its verb is literally a read-only one (s3:Get* is, s3:G* and
#   s3:* are not), and it is still a data read when it matches one (s3:Get* matches s3:GetObject).
package lexguard.lib.scanner_permissions

import data.lexguard.lib.leaf

# Verbs that only read. Anything else (Put, Create, Delete, Update, Decrypt, Start, Invoke, …) changes
# something or reaches data.
read_only_verbs := ["list", "get", "describe", "batchget", "lookup", "view", "head"]

# Reads that return client data rather than configuration.
data_reads := [
	"s3:getobject",
	"s3:getobjectversion",
	"s3:getobjecttorrent",
	"s3:getobjectversiontorrent",
	"secretsmanager:getsecretvalue",
	"ssm:getparameter",
	"ssm:getparameters",
	"ssm:getparametersbypath",
	"dynamodb:getitem",
	"dynamodb:batchgetitem",
	"logs:getlogevents",
]

# documents are the role's readable policy documents, each named for messages.
documents(role) := {[policy.name, policy.document.value] |
	leaf.known(role.inline_policies)
	some policy in role.inline_policies.value
	leaf.known(policy.document)
} | {[name, policy.document.value] |
	leaf.known(role.managed_policies)
	some link in role.managed_policies.value
	policy := input.iam_managed_policies[link.target]
	leaf.known(policy.document)
	name := object.get(policy.name, "value", link.target)
}

# Actions not named as reads that still change nothing: AWS classes iam:GenerateCredentialReport as a
# read (IAM compiles the credential report the scanner then reads).
read_only_actions := {"iam:generatecredentialreport"}

# too_broad lists every grant beyond reading configuration, as "<policy> allows <action>".
too_broad(role) := {sprintf("%s allows %s (%s)", [name, action, why]) |
	some [name, document] in documents(role)
	some statement in document.statements
	statement.effect == "Allow"
	some action in statement.actions
	why := excess(lower(action), statement)
} | {sprintf("%s allows every action except %s", [name, concat(", ", statement.not_actions)]) |
	some [name, document] in documents(role)
	some statement in document.statements
	statement.effect == "Allow"
	count(statement.not_actions) > 0
}

# excess says why an action goes beyond reading configuration; undefined when it does not. Assuming a
# role is how a scanner reaches other accounts, and is allowed only for roles named one by one: on any
# role (a * in the role's name) it could take on every role that trusts the account, an administrator's
# among them.
excess("sts:assumerole", statement) := "on any role" if {
	some resource in statement.resources
	any_role(resource)
} else := "on any role" if count(statement.not_resources) > 0

excess(action, _) := "not read-only" if {
	action != "sts:assumerole"
	not read_only(action)
} else := "reads data" if {
	action != "sts:assumerole"
	some data_read in data_reads
	glob.match(action, [], data_read)
}

any_role("*")

any_role(resource) if contains(split(resource, ":role/")[1], "*")

any_role(resource) if not contains(resource, ":role/")

read_only(action) if action in read_only_actions

read_only(action) if {
	parts := split(action, ":")
	count(parts) == 2
	some verb in read_only_verbs
	startswith(parts[1], verb)
}

# unreadable lists every part of the role's permissions that could not be read.
unreadable(role) := (((({sprintf("inline policies: %s", [leaf.reason(role.inline_policies)]) |
	leaf.unknown(role.inline_policies)
} | {sprintf("managed policies: %s", [leaf.reason(role.managed_policies)]) |
	leaf.unknown(role.managed_policies)
}) | {sprintf("%s: %s", [policy.name, leaf.reason(policy.document)]) |
	leaf.known(role.inline_policies)
	some policy in role.inline_policies.value
	leaf.unknown(policy.document)
}) | {sprintf("%s: %s", [link.target, leaf.reason(policy.document)]) |
	leaf.known(role.managed_policies)
	some link in role.managed_policies.value
	policy := input.iam_managed_policies[link.target]
	leaf.unknown(policy.document)
}) | {sprintf("managed policy %s: %s", [name, why]) |
	leaf.known(role.managed_policies)
	some link in role.managed_policies.value
	not in_model(link)
	[name, why] := unresolved_link(link)
}) | {sprintf("%s: statement %s: %s", [name, object.get(statement, "sid", ""), concat(", ", statement.unresolved)]) |
	some [name, document] in documents(role)
	some statement in document.statements
	count(statement.unresolved) > 0
}

# in_model holds when a managed policy link leads to a policy of the model.
in_model(link) if input.iam_managed_policies[object.get(link, "target", "")]

# unresolved_link names a managed policy link that leads to no policy of the model, and why. (The
# template normaliser gives AWS managed policies a policy of the model, with an unknown document for
# those whose documents lexguard does not carry.)
unresolved_link(link) := ["(unresolved)", leaf.reason(link.ref)] if leaf.unknown(link.ref)

else := [link.ref.value, "not in the scanned input"]
