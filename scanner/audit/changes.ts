import { findingKey } from '../findings/finding-key';
import type { Finding } from '../findings/finding';
import type { ScanReport } from '../findings/scan-report';
import { isOpen, type Status } from '../findings/status';
import type { Change, FixedFinding } from './audit-report';
import { worstStatus } from './tally';

/** How the findings of a scan compare with those of the scan before it, by finding key. */
export interface ScanComparison {
  /** For each finding key open now: new, regressed or still open. */
  changeOf: Map<string, Change>;
  fixed: FixedFinding[];
  /** Keys open before and WAIVED now. */
  waived: string[];
}

/**
 * Compares two scans. An open finding is `new` when the previous scan did not report it, `regressed`
 * when it reported it closed (PASS, NOT_APPLICABLE or WAIVED), `still_open` when it was open there too.
 * A finding open before and not open now is fixed, unless a suppression now waives it. Without a
 * previous scan every open finding is new.
 *
 * Rules name the property at fault when they fail but often none when they pass, so a failure and the
 * pass that follows its fix have different keys. Where a key is missing from the other scan, the
 * verdict on the same rule and resource stands in for it, as long as that verdict is not open (an open
 * verdict on another property is another defect).
 */
export function compareScans(current: ScanReport, previous: ScanReport | undefined): ScanComparison {
  const now = statusByKey(current.findings);
  const before = previous ? statusByKey(previous.findings) : new Map<string, Status>();
  const nowByResource = closedStatusByRuleResource(current.findings);
  const beforeByResource = previous
    ? closedStatusByRuleResource(previous.findings)
    : new Map<string, Status>();
  const changeOf = new Map<string, Change>();
  for (const [key, status] of now) {
    if (!isOpen(status)) continue;
    const earlier = before.get(key) ?? beforeByResource.get(ruleResourceOf(key));
    changeOf.set(key, earlier === undefined ? 'new' : isOpen(earlier) ? 'still_open' : 'regressed');
  }
  const fixed: FixedFinding[] = [];
  const waived: string[] = [];
  if (previous) {
    const firstOf = firstFindingByKey(previous.findings);
    for (const [key, was] of before) {
      if (!isOpen(was)) continue;
      const status = now.get(key) ?? nowByResource.get(ruleResourceOf(key));
      if (status !== undefined && isOpen(status)) continue;
      if (status === 'WAIVED') {
        waived.push(key);
        continue;
      }
      const finding = firstOf.get(key) as Finding;
      fixed.push({
        key,
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
 * One status per key. A key can be reported more than once (a template evaluated under several
 * scenarios): the most urgent status stands for it.
 */
export function statusByKey(findings: readonly Finding[]): Map<string, Status> {
  const statuses = new Map<string, Status>();
  for (const finding of findings) {
    const key = findingKey(finding);
    const known = statuses.get(key);
    statuses.set(key, known === undefined ? finding.status : worstStatus([known, finding.status]));
  }
  return statuses;
}

/** `rule|resource|property` → `rule|resource`. */
function ruleResourceOf(key: string): string {
  return key.slice(0, key.lastIndexOf('|'));
}

/**
 * For each rule and resource whose findings are all closed (not open), the most urgent of them; pairs
 * with any open finding are left out.
 */
function closedStatusByRuleResource(findings: readonly Finding[]): Map<string, Status> {
  const statuses = statusByKey(findings);
  const byPair = new Map<string, Status[]>();
  for (const [key, status] of statuses) {
    const pair = ruleResourceOf(key);
    const known = byPair.get(pair);
    if (known) known.push(status);
    else byPair.set(pair, [status]);
  }
  const closed = new Map<string, Status>();
  for (const [pair, all] of byPair) if (!all.some(isOpen)) closed.set(pair, worstStatus(all));
  return closed;
}

function firstFindingByKey(findings: readonly Finding[]): Map<string, Finding> {
  const first = new Map<string, Finding>();
  for (const finding of findings) {
    const key = findingKey(finding);
    if (!first.has(key)) first.set(key, finding);
  }
  return first;
}
