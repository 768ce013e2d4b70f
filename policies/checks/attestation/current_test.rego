package lexguard.checks.attestation.current_test

import data.lexguard.checks.attestation.current
import data.lexguard.lib.fixtures_test as fx

by_control(model) := {r.resource: r | some r in current.results with input as model}

training(days) := object.union(fx.model, {"attestations": {"CP-15.training": {
	"owner": "hr-team",
	"date": "2026-01-15",
	"evidence": "https://intranet.firm.example/training/2026",
	"expires": "2027-01-15",
	"days_until_expiry": days,
}}})

test_current_attestation_passes if {
	r := by_control(training(53))["CP-15.training"]
	r.status == "PASS"
	r.message == "hr-team attested CP-15.training on 2026-01-15 (evidence: https://intranet.firm.example/training/2026), until 2027-01-15"
}

test_attestation_lapsing_today_fails if {
	r := by_control(training(-1))["CP-15.training"]
	r.status == "FAIL"
	r.message == "the attestation of CP-15.training by hr-team on 2026-01-15 lapsed on 2027-01-15"
}

test_every_control_without_attestation_is_unknown if {
	results := by_control(training(53))
	count(results) == 7
	{id | some id, r in results; r.status == "UNKNOWN"} == {
		"CP-04.access-review", "CP-10.restore-tests", "CP-14.findings-review", "CP-15.breach-response-plan",
		"CP-15.client-consent", "CP-15.paper-records",
	}
}
