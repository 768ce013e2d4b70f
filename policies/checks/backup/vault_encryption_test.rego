package lexguard.checks.backup.vault_encryption_test

import data.lexguard.checks.backup.vault_encryption
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in vault_encryption.results with input as model
}

test_vault_with_customer_key_passes if only(fx.model).status == "PASS"

test_vault_with_aws_backup_key_fails if {
	r := only(fx.with_vault({"kms_key": fx.no_link}))
	r.status == "FAIL"
	r.message == "the vault encrypts with the AWS managed key aws/backup, not a customer managed key"
}

test_unknown_key_is_unknown if only(fx.with_vault({"kms_key": {"ref": fx.unknown_leaf}})).status == "UNKNOWN"
