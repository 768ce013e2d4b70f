# METADATA
# title: Test fixtures
# description: |
#   Model resources that meet every control, for rule tests to weaken one property at a time
#   with object.union. Kept in a _test file so it never enters the policy bundle.
package lexguard.lib.fixtures_test

# known wraps a value as an explicit leaf.
known(value) := {"state": "explicit", "value": value}

# unknown_leaf is a leaf whose value could not be resolved.
unknown_leaf := {"state": "unknown", "reason": "Fn::ImportValue SharedKeyArn cannot be resolved from a template"}

# link is a resolved reference to another resource of the model.
link(ref, target) := {"ref": known(ref), "target": target}

no_link := {"ref": known(null)}

base(id, kind) := {
	"id": id,
	"kind": kind,
	"name": known(id),
	"arn": unknown_leaf,
	"account": known("111122223333"),
	"region": known("eu-west-1"),
	"tags": known({"data-classification": "confidential", "owner": "records@firm.example"}),
	"source": {"kind": "template", "file": "template.json", "logical_id": id, "resource_type": "AWS::X::Y"},
}

tls_deny_statement := {
	"sid": "DenyInsecureTransport",
	"effect": "Deny",
	"principals": {"wildcard": false, "aws": ["*"], "service": [], "federated": [], "canonical_user": []},
	"not_principals": null,
	"actions": ["s3:*"],
	"not_actions": [],
	"resources": ["arn:aws:s3:::docs", "arn:aws:s3:::docs/*"],
	"not_resources": [],
	"conditions": [{"operator": "Bool", "qualifier": null, "if_exists": false, "key": "aws:securetransport", "values": ["false"]}],
	"unresolved": [],
}

bucket := object.union(base("docs", "s3_bucket"), {
	"encryption": {
		"algorithm": known("aws:kms"),
		"kms_key": link("DocumentsKey", "key"),
		"bucket_key": known(true),
	},
	"policy": known({"statements": [tls_deny_statement]}),
})

key := object.union(base("key", "kms_key"), {
	"manager": known("CUSTOMER"),
	"spec": known("SYMMETRIC_DEFAULT"),
	"usage": known("ENCRYPT_DECRYPT"),
	"rotation_enabled": known(true),
	"rotation_period_days": known(365),
	"deletion_window_days": known(30),
	"key_state": known("Enabled"),
})

# model is an input holding one compliant bucket and its key.
model := {"s3_buckets": {"docs": bucket}, "kms_keys": {"key": key}}
