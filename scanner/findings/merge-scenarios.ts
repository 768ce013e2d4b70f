import type { Finding } from './finding';

/** The findings of one model, built under one scenario's assumptions. */
export interface ScenarioFindings {
  /** Truth assumed for each undecidable condition; empty when nothing had to be assumed. */
  assumptions: ReadonlyMap<string, boolean>;
  label?: string;
  findings: Finding[];
}

/**
 * Merges the findings of every scenario into one list. A rule that gives a resource the same status in
 * every scenario gives one finding, as if there were no scenarios. When the status depends on the branch
 * (a bucket encrypted with the firm's key only when `UseKms` is true), there is one finding per status,
 * each naming the scenarios it holds in: a control that fails in one branch is a FAIL, whatever the
 * other branches say. A resource that exists only in some scenarios (its `Condition`) names them too.
 */
export function mergeScenarioFindings(scenarios: readonly ScenarioFindings[]): Finding[] {
  if (scenarios.length === 1) return scenarios[0].findings;
  const byVerdict = new Map<string, Array<{ scenario: number; finding: Finding }>>();
  scenarios.forEach((scenario, index) => {
    for (const finding of scenario.findings) {
      const key = `${finding.rule_id}\0${finding.resource.id}`;
      const seen = byVerdict.get(key) ?? [];
      seen.push({ scenario: index, finding });
      byVerdict.set(key, seen);
    }
  });
  const merged: Finding[] = [];
  for (const verdicts of byVerdict.values()) {
    const byStatus = new Map<string, Array<{ scenario: number; finding: Finding }>>();
    for (const verdict of verdicts) {
      byStatus.set(verdict.finding.status, [...(byStatus.get(verdict.finding.status) ?? []), verdict]);
    }
    for (const group of byStatus.values()) {
      const indexes = new Set(group.map((verdict) => verdict.scenario));
      const { scenario: _ignored, ...finding } = group[0].finding;
      const everywhere = indexes.size === scenarios.length;
      merged.push(everywhere ? finding : { ...finding, scenario: describe(indexes, scenarios) });
    }
  }
  return merged;
}

/**
 * An exact description of a set of scenarios in the fewest assumptions: a condition whose truth does not
 * matter to the set (every scenario that differs from a member only in it is a member too) is left out,
 * and what remains is one group of assumptions per kind of member, joined by "or".
 */
function describe(indexes: ReadonlySet<number>, scenarios: readonly ScenarioFindings[]): string {
  const members = [...indexes].map((index) => scenarios[index]);
  const keys = [...new Set(members.flatMap((member) => [...member.assumptions.keys()]))];
  const irrelevant = new Set(
    keys.filter((key) =>
      members.every(
        (member) =>
          !member.assumptions.has(key) ||
          scenarios.every(
            (other, index) => indexes.has(index) || !agreeExcept(other.assumptions, member.assumptions, key),
          ),
      ),
    ),
  );
  const groups = [
    ...new Set(
      members.map((member) =>
        [...member.assumptions]
          .filter(([key]) => !irrelevant.has(key))
          .map(([key, truth]) => `${key}=${String(truth)}`)
          .join(', '),
      ),
    ),
  ];
  return groups.length === 1 ? groups[0] : groups.map((group) => `(${group})`).join(' or ');
}

/**
 * Whether two scenarios assume the same about every condition both assume but `key`. A condition one of
 * them does not assume was not asked in it (it sits in a branch not taken) and agrees with anything.
 */
function agreeExcept(a: ReadonlyMap<string, boolean>, b: ReadonlyMap<string, boolean>, key: string): boolean {
  return [...a].every(([other, truth]) => other === key || !b.has(other) || b.get(other) === truth);
}
