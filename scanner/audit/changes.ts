import { fingerprintOf } from '../findings/fingerprint';
import type { Finding } from '../findings/finding';
import type { ScanReport } from '../findings/scan-report';
import { isOpen, type Status } from '../findings/status';
import type { Change, FixedFinding } from './audit-report';
import { worstStatus } from './tally';

/** How the findings of a scan compare with those of the scan before it, by fingerprint. */
export interface ScanComparison {
  /** For each fingerprint open now: new, regressed or still open. */
  changeOf: Map<string, Change>;
  fixed: FixedFinding[];
  /** Fingerprints open before and WAIVED now. */
  waived: string[];
}

/** The findings of one scan by fingerprint, with what each says and which rule and resource it is on. */
interface Verdicts {
  byFingerprint: Map<string, { status: Status; finding: Finding }>;
  /** Per rule and resource whose findings are all closed (not open): the most urgent of them. */
  closedByRuleResource: Map<string, Status>;
}

/**
 * Compares two scans by finding fingerprint (`findings/fingerprint.ts`: rule, resource, property,
 * scenario; the identity SARIF and baselines use). An open finding is `new` when the previous scan did
 * not report it, `regressed` when it reported it closed (PASS, NOT_APPLICABLE or WAIVED), `still_open`
 * when it was open there too. A finding open before and not open now is fixed, unless a suppression now
 * waives it. Without a previous scan every open finding is new.
 *
 * Rules name the property at fault when they fail but often none when they pass, so a failure and the
 * pass that follows its fix have different fingerprints. Where a fingerprint is missing from the other
 * scan, the verdict on the same rule and resource stands in for it, as long as that verdict is closed
 * (an open verdict on another property is another defect).
 */
export function compareScans(current: ScanReport, previous: ScanReport | undefined): ScanComparison {
  const now = verdictsOf(current.findings);
  const before = verdictsOf(previous?.findings ?? []);
  const changeOf = new Map<string, Change>();
  for (const [fingerprint, { status, finding }] of now.byFingerprint) {
    if (!isOpen(status)) continue;
    const earlier =
      before.byFingerprint.get(fingerprint)?.status ??
      before.closedByRuleResource.get(ruleResourceOf(finding));
    changeOf.set(fingerprint, earlier === undefined ? 'new' : isOpen(earlier) ? 'still_open' : 'regressed');
  }
  const fixed: FixedFinding[] = [];
  const waived: string[] = [];
  if (previous) {
    for (const [fingerprint, { status: was, finding }] of before.byFingerprint) {
      if (!isOpen(was)) continue;
      const status =
        now.byFingerprint.get(fingerprint)?.status ?? now.closedByRuleResource.get(ruleResourceOf(finding));
      if (status !== undefined && isOpen(status)) continue;
      if (status === 'WAIVED') {
        waived.push(fingerprint);
        continue;
      }
      fixed.push({
        fingerprint,
        rule_id: finding.rule_id,
        title: finding.title,
        severity: finding.severity,
        resource: finding.resource,
        was,
        now: status ?? 'ABSENT',
      });
    }
  }
  return { changeOf, fixed, waived };
}

/**
 * One verdict per fingerprint. A fingerprint can be reported more than once (the same defect found
 * through two templates of one stack set): the most urgent status stands for it.
 */
function verdictsOf(findings: readonly Finding[]): Verdicts {
  const byFingerprint = new Map<string, { status: Status; finding: Finding }>();
  for (const finding of findings) {
    const fingerprint = fingerprintOf(finding);
    const known = byFingerprint.get(fingerprint);
    if (!known) byFingerprint.set(fingerprint, { status: finding.status, finding });
    else known.status = worstStatus([known.status, finding.status]);
  }
  const byPair = new Map<string, Status[]>();
  for (const { status, finding } of byFingerprint.values()) {
    const pair = ruleResourceOf(finding);
    const known = byPair.get(pair);
    if (known) known.push(status);
    else byPair.set(pair, [status]);
  }
  const closedByRuleResource = new Map<string, Status>();
  for (const [pair, statuses] of byPair) {
    if (!statuses.some(isOpen)) closedByRuleResource.set(pair, worstStatus(statuses));
  }
  return { byFingerprint, closedByRuleResource };
}

function ruleResourceOf(finding: Finding): string {
  return JSON.stringify([finding.rule_id, finding.resource.id]);
}
