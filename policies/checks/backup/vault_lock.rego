# METADATA
# title: Backup vaults are locked with a minimum retention
# description: |
#   Client information stays recoverable. A vault lock with a minimum retention stops anyone, the account's
#   administrators included, from deleting recovery points early or shortening how long they are kept.
# custom:
#   id: LG-BAK-003
#   severity: MEDIUM
#   clauses: [CP-10]
#   resource_kinds: [backup_vault]
#   sources: [template, live]
#   remediation: |
#     Lock the vault with a minimum retention (and a grace period after which the lock cannot be removed:
#     compliance mode).
#   cdk: "new backup.BackupVault(this, 'Vault', { lockConfiguration: { minRetention, changeableFor: Duration.days(3) } })"
package lexguard.checks.backup.vault_lock

import data.lexguard.lib.leaf
import data.lexguard.lib.result

results contains result.of(id, verdict(vault.lock)) if some id, vault in input.backup_vaults

verdict(lock) := result.unknown_leaf(lock, "lock") if {
	leaf.unknown(lock)
} else := result.fail("the vault is not locked", "lock") if {
	lock.value == null
} else := result.fail("the vault lock sets no minimum retention", "lock") if {
	lock.value.min_retention_days == null
} else := result.pass(sprintf(
	"the vault is locked with a minimum retention of %d days (%s)",
	[lock.value.min_retention_days, mode(lock.value)],
))

mode(lock) := "governance mode: it can still be removed" if lock.changeable_for_days == null

else := sprintf("compliance mode: immutable %d days after it was set", [lock.changeable_for_days])
