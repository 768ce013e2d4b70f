# METADATA
# title: Backup vaults encrypt with a customer managed KMS key
# description: |
#   Backups of client information are encrypted with keys the firm controls. Without a key of its own
#   a vault encrypts recovery points with the AWS managed key aws/backup, whose policy the firm cannot
#   restrict.
# custom:
#   id: LG-BAK-002
#   severity: MEDIUM
#   clauses: [CP-01, CP-10]
#   resource_kinds: [backup_vault]
#   sources: [template, live]
#   remediation: |
#     Create the vault with a customer managed KMS key kept for backups.
#   cdk: "new backup.BackupVault(this, 'Vault', { encryptionKey: backupsKey })"
package lexguard.checks.backup.vault_encryption

import data.lexguard.lib.customer_key
import data.lexguard.lib.result

results contains result.of(id, customer_key.verdict(vault.kms_key, "kms_key", words)) if some id, vault in input.backup_vaults

words := {
	"none": "the vault encrypts with the AWS managed key aws/backup, not a customer managed key",
	"uses": "the vault encrypts with",
	"pass": "the vault encrypts recovery points with a customer managed key",
}
