# METADATA
# title: Entry point
# description: |
#   Collects the results of every check in one evaluation, keyed by the check's package path
#   below lexguard.checks (e.g. "s3.encryption_cmk"), so the engine parses the model once.
# entrypoint: true
package lexguard.main

# results maps each check's package path to the set of results it produced.
results[path] := check.results if {
	some service, checks in data.lexguard.checks
	some name, check in checks
	path := concat(".", [service, name])
}
