# METADATA
# title: Documents, logs and backups do not share one key
# description: |
#   Keys are separated by purpose: whoever may decrypt the audit logs or the backups must not thereby
#   be able to decrypt client documents, and disabling one key must not take all three with it. A key
#   may encrypt stores of one purpose only: documents, logs or backups.
# custom:
#   id: LG-KMS-006
#   severity: MEDIUM
#   clauses: [CP-03]
#   resource_kinds: [kms_key]
#   sources: [template, live]
#   remediation: |
#     Create one key per purpose (documents, logs, backups) and encrypt each store with the key of its
#     purpose.
#   cdk: "const documentsKey = new kms.Key(this, 'DocumentsKey'); const logsKey = new kms.Key(this, 'LogsKey')"
package lexguard.checks.kms.key_separation

import data.lexguard.lib.result

results contains result.of(id, verdict(key)) if some id, key in input.kms_keys

purposes := ["documents", "logs", "backups"]

verdict(key) := result.not_applicable("no document, log or backup store in scope is encrypted with this key") if {
	count(served(key)) == 0
} else := result.fail(sprintf("the key encrypts %s", [concat(" and ", served(key))]), "used_by") if {
	count(served(key)) > 1
} else := result.pass(concat("", ["the key encrypts ", served(key)[0], " only"]))

served(key) := [purpose | some purpose in purposes; count(key.used_by[purpose]) > 0]
