package lexguard.checks.backup.vault_lock_test

import data.lexguard.checks.backup.vault_lock
import data.lexguard.lib.fixtures_test as fx

only(model) := r if {
	some r in vault_lock.results with input as model
}

test_locked_vault_passes if {
	r := only(fx.model)
	r.status == "PASS"
	r.message == "the vault is locked with a minimum retention of 35 days (compliance mode: immutable 3 days after it was set)"
}

test_governance_lock_passes_and_says_so if {
	contains(only(fx.with_vault({"lock": {"value": {"changeable_for_days": null}}})).message, "governance mode")
}

test_unlocked_vault_fails if only(fx.with_vault({"lock": fx.known(null)})).status == "FAIL"

test_lock_without_minimum_fails if {
	only(fx.with_vault({"lock": {"value": {"min_retention_days": null}}})).message == "the vault lock sets no minimum retention"
}

test_unknown_lock_is_unknown if only(fx.replaced("/backup_vaults/vault/lock", fx.unknown_leaf)).status == "UNKNOWN"
