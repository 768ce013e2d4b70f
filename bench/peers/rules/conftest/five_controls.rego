# The benchmark's five controls, written for Conftest against raw CloudFormation (JSON or YAML), so that
# Conftest is compared with lexguard on the same work. Each denial names its control and logical id first
# ("s3-tls-only Bucket0x1: ..."), which is how the benchmark reads Conftest's findings.
#
# What raw CloudFormation allows: a key is "of the template" when an intrinsic names a KMS key of the
# template; an ARN or id given as a string is accepted unless it names an AWS managed alias. Parameters and
# conditions are not resolved. Short-form YAML tags (!Ref, !GetAtt) are read however Conftest's YAML
# parser reads them, so both the long form and a bare value are accepted.
package main

resources := object.get(input, "Resources", {})

typed(type) := {id | some id, resource in resources; resource.Type == type}

properties(id) := object.get(resources[id], "Properties", {})

truthy(true)

truthy("true")

# S3 default encryption with a customer managed KMS key.
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
# once, so the control stays linear in the number of resources.
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

all_s3_actions(action) if {
	is_array(action)
	some each in action
	each in {"s3:*", "*"}
}

# S3 Block Public Access: all four flags on.
pab_flags := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

public_access_open(id) if {
	config := object.get(properties(id), "PublicAccessBlockConfiguration", {})
	some flag in pab_flags
	not truthy(object.get(config, flag, false))
}

# KMS key rotation, for symmetric keys (asymmetric and HMAC keys cannot rotate).
rotation_off(id) if {
	object.get(properties(id), "KeySpec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not truthy(object.get(properties(id), "EnableKeyRotation", false))
}

deny contains sprintf("s3-cmk-encryption %s: default encryption is not SSE-KMS with a customer managed key", [id]) if {
	some id in typed("AWS::S3::Bucket")
	not cmk_encrypted(properties(id))
}

deny contains sprintf("s3-tls-only %s: no bucket policy statement denies requests without TLS", [id]) if {
	some id in typed("AWS::S3::Bucket")
	not id in tls_buckets
}

deny contains sprintf("s3-public-access-block %s: Block Public Access is not fully on", [id]) if {
	some id in typed("AWS::S3::Bucket")
	public_access_open(id)
}

deny contains sprintf("kms-rotation %s: automatic key rotation is off", [id]) if {
	some id in typed("AWS::KMS::Key")
	rotation_off(id)
}

deny contains sprintf("cloudtrail-log-validation %s: log file validation is off", [id]) if {
	some id in typed("AWS::CloudTrail::Trail")
	not truthy(object.get(properties(id), "EnableLogFileValidation", false))
}
