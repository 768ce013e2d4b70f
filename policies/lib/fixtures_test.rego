# METADATA
# title: Test fixtures
# description: |
#   Leaf and link builders, the policy's default configuration, and one model holding a compliant
#   resource of each kind: rule tests weaken one property at a time with object.union. The resources
#   live in lib/fixtures/<service>_test.rego, one file per service; add a service's resources there and
#   its collection to model below. Kept in _test files so that none of it enters the policy bundle.
package lexguard.lib.fixtures_test

import data.lexguard.lib.fixtures.account_test as account
import data.lexguard.lib.fixtures.backup_test as backup
import data.lexguard.lib.fixtures.cloudtrail_test as cloudtrail
import data.lexguard.lib.fixtures.iam_test as iam
import data.lexguard.lib.fixtures.kms_test as kms
import data.lexguard.lib.fixtures.leaves_test as leaves
import data.lexguard.lib.fixtures.monitoring_test as monitoring
import data.lexguard.lib.fixtures.s3_test as s3

# known wraps a value as an explicit leaf.
known(value) := leaves.known(value)

# unknown_leaf is a leaf whose value could not be resolved.
unknown_leaf := leaves.unknown_leaf

# link is a resolved reference to another resource of the model.
link(ref, target) := leaves.link(ref, target)

no_link := leaves.no_link

# config is the policy's default configuration (scanner/config/defaults.ts).
config := {
	"approved_regions": ["eu-west-1", "eu-central-1"],
	"document_retention_days": 2555,
	"audit_log_retention_days": 2555,
	"credential_max_age_days": 90,
	"allowed_classifications": ["public", "internal", "confidential", "privileged"],
	"sensitive_classifications": ["confidential", "privileged"],
	"required_tags": ["data-classification", "owner"],
	"classification_tag": "data-classification",
	"break_glass_roles": ["BreakGlass"],
	"kms_min_deletion_window_days": 30,
	"password_policy": {"minimum_length": 14, "reuse_prevention": 24},
}

# model is an input holding one compliant resource of each kind, read from a template.
model := {
	"scan": {"source_kind": "template", "scanned_at": "2026-11-23T00:00:00Z"},
	"config": config,
	"accounts": {"account": account.account},
	"s3_buckets": {"docs": s3.bucket},
	"kms_keys": {"key": kms.key},
	"cloudtrail_trails": {"trail": cloudtrail.trail},
	"iam_users": {"alice": iam.user},
	"iam_groups": {"readers": iam.group},
	"iam_roles": {"records": iam.role, "break_glass": iam.break_glass},
	"iam_managed_policies": iam.managed_policies,
	"backup_vaults": {"vault": backup.vault},
	"backup_plans": {"plan": backup.plan},
	"backup_selections": {"selection": backup.selection},
	"cloudwatch_metric_filters": monitoring.metric_filters,
	"cloudwatch_alarms": monitoring.alarms,
	"sns_topics": {"topic": monitoring.topic},
	"logs_log_groups": {"audit": monitoring.log_group},
	"attestations": {},
}

# with_resource is the model with one resource of a collection changed by a deep patch (object.union:
# objects merge, other values are replaced).
with_resource(collection, id, patch) := object.union(model, {collection: {id: patch}})

# replaced is the model with the value at a JSON pointer replaced outright (an object is not merged).
replaced(path, value) := json.patch(model, [{"op": "replace", "path": path, "value": value}])

with_account(patch) := with_resource("accounts", "account", patch)

with_bucket(patch) := with_resource("s3_buckets", "docs", patch)

# with_bucket_policy is the model whose docs bucket policy holds exactly these statements.
with_bucket_policy(statements) := replaced("/s3_buckets/docs/policy", known({"statements": statements}))

with_key(patch) := with_resource("kms_keys", "key", patch)

with_trail(patch) := with_resource("cloudtrail_trails", "trail", patch)

# with_trail_bucket is the model with the trail's bucket in it, patched.
with_trail_bucket(patch) := object.union(model, {"s3_buckets": {"trail_bucket": object.union(cloudtrail.trail_bucket, patch)}})

with_log_group(patch) := with_resource("logs_log_groups", "audit", patch)

with_vault(patch) := with_resource("backup_vaults", "vault", patch)

# with_plan_rule is the model whose plan has exactly one rule, the fixture's rule patched.
with_plan_rule(patch) := replaced("/backup_plans/plan/rules", known([object.union(backup.plan_rule, patch)]))

with_group(patch) := with_resource("iam_groups", "readers", patch)

with_role(patch) := with_resource("iam_roles", "records", patch)

with_user(patch) := with_resource("iam_users", "alice", patch)

with_credentials(patch) := with_user({"credentials": patch})

# statement is an identity or trust policy statement: an Allow with nothing in it, patched.
statement(patch) := iam.statement(patch)

condition(operator, key, values, if_exists) := iam.condition(operator, key, values, if_exists)

principals(aws) := iam.principals(aws)

# service_principals are the principals of a statement that lets AWS services assume a role.
service_principals(services) := object.union(iam.principals([]), {"service": services})

# inline_policy is an inline policy named `name` holding `statements`.
inline_policy(name, statements) := iam.inline(name, statements)

mfa_deny := iam.mfa_deny

trust_statement := iam.trust_statement

# with_key_policy is the model whose key policy holds exactly these statements.
with_key_policy(statements) := replaced("/kms_keys/key/policy", known({"statements": statements}))
