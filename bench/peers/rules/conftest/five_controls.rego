# The benchmark's five controls, written for Conftest against raw CloudFormation (JSON or YAML), so that
# Conftest is compared with lexguard on the same work. Each denial names its control and logical id first
# ("s3-tls-only Bucket0x1: ..."), which is how the benchmark reads Conftest's findings.
#
# What raw CloudFormation allows: a key or bucket is "of the template" when an intrinsic names a resource of
# the template; an ARN given as a string is accepted unless it names an AWS managed alias. Parameters and
# conditions are not resolved. Short-form YAML tags (!Ref, !GetAtt) are read however Conftest's YAML
# parser reads them, so both the long form and a bare value are accepted.
package main

import rego.v1

resources := object.get(input, "Resources", {})

typed(type) := {id | some id, resource in resources; resource.Type == type}

properties(id) := object.get(resources[id], "Properties", {})

truthy(value) if value == true

truthy(value) if value == "true"

# S3 default encryption with a customer managed KMS key.
deny contains sprintf("s3-cmk-encryption %s: default encryption is not SSE-KMS with a customer managed key", [id]) if {
	some id in typed("AWS::S3::Bucket")
	not cmk_encrypted(properties(id))
}

cmk_encrypted(props) if {
	some rule in props.BucketEncryption.ServerSideEncryptionConfiguration
	rule.ServerSideEncryptionByDefault.SSEAlgorithm in {"aws:kms", "aws:kms:dsse"}
	customer_managed(rule.ServerSideEncryptionByDefault.KMSMasterKeyID)
}

# A key ARN or id written as a string, or a bare logical id where a YAML tag was dropped.
customer_managed(key) if {
	is_string(key)
	key != ""
	not contains(key, "alias/aws/")
}

customer_managed(key) if key.Ref in typed("AWS::KMS::Key")

customer_managed(key) if key["Fn::GetAtt"][0] in typed("AWS::KMS::Key")

customer_managed(key) if key[0] in typed("AWS::KMS::Key")

# S3 bucket policy denies every request made without TLS. The buckets such a policy covers are gathered
# once, so the rule stays linear in the number of resources.
tls_buckets contains bucket_of(properties(id).Bucket) if {
	some id in typed("AWS::S3::BucketPolicy")
	some statement in statements(properties(id).PolicyDocument)
	tls_deny(statement)
}

bucket_of(ref) := ref.Ref if is_object(ref)

bucket_of(ref) := ref if is_string(ref)

statements(document) := document.Statement if is_array(document.Statement)

statements(document) := [document.Statement] if is_object(document.Statement)

tls_deny(statement) if {
	statement.Effect == "Deny"
	everyone(statement.Principal)
	all_s3_actions(statement.Action)
	statement.Condition.Bool["aws:SecureTransport"] in {"false", false}
}

everyone("*")

everyone(principal) if principal.AWS == "*"

everyone(principal) if "*" in principal.AWS

all_s3_actions(action) if action in {"s3:*", "*"}

all_s3_actions(actions) if {
	is_array(actions)
	some action in actions
	action in {"s3:*", "*"}
}

deny contains sprintf("s3-tls-only %s: no bucket policy statement denies requests without TLS", [id]) if {
	some id in typed("AWS::S3::Bucket")
	not id in tls_buckets
}

# S3 Block Public Access: all four flags on.
pab_flags := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

deny contains sprintf("s3-public-access-block %s: Block Public Access is not fully on", [id]) if {
	some id in typed("AWS::S3::Bucket")
	config := object.get(properties(id), "PublicAccessBlockConfiguration", {})
	some flag in pab_flags
	not truthy(object.get(config, flag, false))
}

# KMS key rotation on (symmetric keys; asymmetric and HMAC keys cannot rotate).
deny contains sprintf("kms-rotation %s: automatic key rotation is off", [id]) if {
	some id in typed("AWS::KMS::Key")
	object.get(properties(id), "KeySpec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not truthy(object.get(properties(id), "EnableKeyRotation", false))
}

# CloudTrail log file validation on.
deny contains sprintf("cloudtrail-log-validation %s: log file validation is off", [id]) if {
	some id in typed("AWS::CloudTrail::Trail")
	not truthy(object.get(properties(id), "EnableLogFileValidation", false))
}
