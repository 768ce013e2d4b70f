package main_test

import data.main

key := {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}}

tls_statement := {
	"Effect": "Deny",
	"Principal": {"AWS": "*"},
	"Action": "s3:*",
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

good_bucket := {"Type": "AWS::S3::Bucket", "Properties": {
	"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {
		"SSEAlgorithm": "aws:kms",
		"KMSMasterKeyID": {"Fn::GetAtt": ["Key", "Arn"]},
	}}]},
	"PublicAccessBlockConfiguration": {
		"BlockPublicAcls": true,
		"BlockPublicPolicy": true,
		"IgnorePublicAcls": true,
		"RestrictPublicBuckets": "true",
	},
}}

policy(statement) := {"Type": "AWS::S3::BucketPolicy", "Properties": {
	"Bucket": {"Ref": "Docs"},
	"PolicyDocument": {"Statement": statement},
}}

good := {"Resources": {
	"Key": key,
	"Docs": good_bucket,
	"DocsPolicy": policy([tls_statement]),
	"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"EnableLogFileValidation": true}},
}}

# Replaces one resource of the compliant template (object.union alone would merge into the old one).
with_resource(id, resource) := {"Resources": object.union(object.remove(good.Resources, [id]), {id: resource})}

encryption(by_default) := {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": by_default}]}}

with_bucket_properties(props) := with_resource("Docs", {"Type": "AWS::S3::Bucket", "Properties": props})

test_a_compliant_template_is_not_denied if {
	count(main.deny) == 0 with input as good
}

test_sse_s3_fails_the_cmk_control if {
	bucket := object.union(good_bucket.Properties, encryption({"SSEAlgorithm": "AES256"}))
	message := "s3-cmk-encryption Docs: default encryption is not SSE-KMS with a customer managed key"
	message in main.deny with input as with_bucket_properties(bucket)
}

test_the_aws_managed_key_fails_the_cmk_control if {
	bucket := object.union(good_bucket.Properties, encryption({"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/aws/s3"}))
	some message in main.deny with input as with_bucket_properties(bucket)
	startswith(message, "s3-cmk-encryption Docs")
}

test_a_key_named_by_ref_or_a_dropped_yaml_tag_passes if {
	every key_ref in [{"Ref": "Key"}, ["Key", "Arn"], "arn:aws:kms:eu-west-1:111122223333:key/abc"] {
		bucket := object.union(good_bucket.Properties, encryption({"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_ref}))
		count(main.deny) == 0 with input as with_bucket_properties(bucket)
	}
}

test_a_policy_without_the_tls_statement_fails if {
	allow := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject"}
	template := with_resource("DocsPolicy", policy([allow]))
	"s3-tls-only Docs: no bucket policy statement denies requests without TLS" in main.deny with input as template
}

test_a_tls_deny_of_one_action_fails if {
	narrow := object.union(tls_statement, {"Action": "s3:GetObject"})
	template := with_resource("DocsPolicy", policy(narrow))
	"s3-tls-only Docs: no bucket policy statement denies requests without TLS" in main.deny with input as template
}

test_a_bucket_without_a_policy_fails if {
	template := {"Resources": object.remove(good.Resources, ["DocsPolicy"])}
	"s3-tls-only Docs: no bucket policy statement denies requests without TLS" in main.deny with input as template
}

test_tls_statement_shapes_pass if {
	every statement in [
		object.union(tls_statement, {"Principal": "*", "Action": ["s3:GetObject", "s3:*"]}),
		object.union(tls_statement, {"Principal": {"AWS": ["*"]}, "Condition": {"Bool": {"aws:SecureTransport": false}}}),
	] {
		template := with_resource("DocsPolicy", {"Type": "AWS::S3::BucketPolicy", "Properties": {
			"Bucket": "Docs",
			"PolicyDocument": {"Statement": statement},
		}})
		count(main.deny) == 0 with input as template
	}
}

test_one_public_access_flag_off_fails if {
	bucket := object.union(good_bucket.Properties, {"PublicAccessBlockConfiguration": {"RestrictPublicBuckets": false}})
	"s3-public-access-block Docs: Block Public Access is not fully on" in main.deny with input as with_bucket_properties(bucket)
}

test_rotation_off_or_left_out_fails if {
	"kms-rotation Key: automatic key rotation is off" in main.deny with input as with_resource("Key", {"Type": "AWS::KMS::Key"})
}

test_asymmetric_keys_are_not_judged_on_rotation if {
	count(main.deny) == 0 with input as with_resource("Key", {"Type": "AWS::KMS::Key", "Properties": {"KeySpec": "RSA_2048"}})
}

test_trail_without_validation_fails if {
	trail := {"Type": "AWS::CloudTrail::Trail", "Properties": {"EnableLogFileValidation": "false"}}
	"cloudtrail-log-validation Trail: log file validation is off" in main.deny with input as with_resource("Trail", trail)
}
