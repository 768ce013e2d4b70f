# METADATA
# title: Every practice no API shows is attested, and the attestation is current
# description: |
#   Practices outside the cloud (restore tests, training, paper records, client consent, the breach plan,
#   access and findings reviews) are the catalog's attested controls. Each needs an attestation in the
#   attestations file (lexguard.attestations.yaml, or --attestations FILE): who attests it, when, the
#   evidence, and when it lapses. A control without one is UNKNOWN, one whose attestation has lapsed
#   fails, one attested and current passes. Each finding names its control, and carries that control's
#   clause and framework controls.
# custom:
#   id: LG-ATT-001
#   severity: MEDIUM
#   clauses: [CP-04, CP-10, CP-14, CP-15]
#   resource_kinds: [attestation]
#   sources: [template, live]
#   remediation: |
#     Have the practice's owner attest it in lexguard.attestations.yaml: under attestations, the control
#     id with owner, date, evidence (a link to the record) and expires.
package lexguard.checks.attestation.current

import data.lexguard.lib.attested_controls
import data.lexguard.lib.result

results contains result.of(control, verdict(control, object.get(input.attestations, control, null))) if {
	some control in attested_controls.ids
}

# verdict judges a control's attestation, `null` when the file gives none.
verdict(control, attestation) := result.unknown(
	sprintf("%s has no attestation: the attestations file gives no owner, date, evidence or expiry for it", [control]),
	"attestations",
) if {
	attestation == null
} else := result.fail(
	sprintf(
		"the attestation of %s by %s on %s lapsed on %s",
		[control, attestation.owner, attestation.date, attestation.expires],
	),
	"attestations",
) if {
	attestation.days_until_expiry < 0
} else := result.pass(sprintf(
	"%s attested %s on %s (evidence: %s), until %s",
	[attestation.owner, control, attestation.date, attestation.evidence, attestation.expires],
))
