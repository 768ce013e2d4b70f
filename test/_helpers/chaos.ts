import type { ScanReport } from '../../scanner/findings/scan-report';
import { FAULTS, type Fault, type FaultRule } from './aws-proxy';
import { statusesOf, type LiveLab } from './live-lab';
import { seededRandom } from './seeded-random';

/**
 * The chaos run: live scans of the lab's estate through the fault-injection proxy, each round under a
 * random set of faults (throttling, 5xx, timeouts, resets, slow answers, AccessDenied, bad signatures),
 * some transient (first attempts only) and some persistent, each compared with the fault-free scan.
 * Faults may make a finding UNKNOWN, or drop a resource whose listing failed (noted in the report); they
 * may never make it PASS where the clean run did not, nor change one verdict into another.
 */
export interface ChaosOptions {
  seed: number;
  rounds: number;
  /** How many operations each round disturbs, at most. */
  maxFaultedOperations?: number;
}

export interface ChaosRound {
  round: number;
  faults: FaultRule[];
  calls: number;
  injected: Partial<Record<Fault, number>>;
  toUnknown: number;
  dropped: number;
  /** Findings that PASS under faults but did not in the clean run: must be none. */
  falsePass: string[];
  /** Findings whose verdict changed other than to UNKNOWN (FAIL → PASS, PASS → FAIL, …): must be none. */
  falseVerdict: string[];
  ms: number;
}

export interface ChaosSummary {
  seed: number;
  operations: number;
  findings: number;
  rounds: ChaosRound[];
  calls: number;
  injected: Partial<Record<Fault, number>>;
  changed: number;
  falsePass: number;
  falseVerdict: number;
}

export async function runChaos(
  lab: LiveLab,
  options: ChaosOptions,
  onRound?: (round: ChaosRound) => void,
): Promise<ChaosSummary> {
  const next = seededRandom(options.seed);
  lab.proxy.setFaults([]);
  const cleanFrom = lab.proxy.seen.length;
  const clean = statusesOf((await lab.scan()).report.findings);
  const operations = [...new Set(lab.proxy.seen.slice(cleanFrom).map((request) => request.operation))].sort();
  const rounds: ChaosRound[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const faults = randomFaults(operations, next, options.maxFaultedOperations ?? 6);
    const from = lab.proxy.seen.length;
    const started = Date.now();
    lab.proxy.setFaults(faults);
    let report: ScanReport;
    try {
      ({ report } = await lab.scan());
    } finally {
      lab.proxy.setFaults([]);
    }
    const seen = lab.proxy.seen.slice(from);
    const result = compare(clean, report);
    const injected: ChaosRound['injected'] = {};
    for (const request of seen)
      if (request.fault) injected[request.fault] = (injected[request.fault] ?? 0) + 1;
    const outcome: ChaosRound = {
      round,
      faults,
      calls: seen.length,
      injected,
      ...result,
      ms: Date.now() - started,
    };
    rounds.push(outcome);
    onRound?.(outcome);
  }
  const injected: ChaosSummary['injected'] = {};
  for (const round of rounds)
    for (const [fault, count] of Object.entries(round.injected) as Array<[Fault, number]>)
      injected[fault] = (injected[fault] ?? 0) + count;
  return {
    seed: options.seed,
    operations: operations.length,
    findings: clean.size,
    rounds,
    calls: rounds.reduce((sum, round) => sum + round.calls, 0),
    injected,
    changed: rounds.reduce((sum, round) => sum + round.toUnknown + round.dropped, 0),
    falsePass: rounds.reduce((sum, round) => sum + round.falsePass.length, 0),
    falseVerdict: rounds.reduce((sum, round) => sum + round.falseVerdict.length, 0),
  };
}

/**
 * Up to `max` operations, each with a random fault. Half the rules are transient (the first one or two
 * attempts; with the lab's four attempts the SDK's retries should absorb them), half persistent.
 * Throttling is always transient: the SDK's adaptive mode slows the whole client down once throttled,
 * and a persistent throttle would only make the run slow, not different.
 */
function randomFaults(operations: readonly string[], next: () => number, max: number): FaultRule[] {
  const count = 1 + Math.floor(next() * max);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, operations.length))
    chosen.add(operations[Math.floor(next() * operations.length)]);
  return [...chosen].map((operation) => {
    const fault = FAULTS[Math.floor(next() * FAULTS.length)];
    const transient = fault === 'throttle' || next() < 0.5;
    return {
      operations: [operation],
      fault,
      ...(transient ? { attempts: next() < 0.5 ? [1] : [1, 2] } : {}),
    };
  });
}

function compare(
  clean: Map<string, string>,
  report: ScanReport,
): Pick<ChaosRound, 'toUnknown' | 'dropped' | 'falsePass' | 'falseVerdict'> {
  const faulted = statusesOf(report.findings);
  const falsePass: string[] = [];
  const falseVerdict: string[] = [];
  let toUnknown = 0;
  for (const [key, status] of faulted) {
    const before = clean.get(key);
    if (status === before) continue;
    if (status === 'UNKNOWN') toUnknown++;
    else if (status === 'PASS') falsePass.push(`${key}: ${before ?? 'absent'} → PASS`);
    else falseVerdict.push(`${key}: ${before ?? 'absent'} → ${status}`);
  }
  const dropped = [...clean.keys()].filter((key) => !faulted.has(key)).length;
  return { toUnknown, dropped, falsePass, falseVerdict };
}

/** The printed summary: calls, faults injected, findings changed, false PASS. */
export function describeChaos(summary: ChaosSummary): string {
  const injected = Object.entries(summary.injected)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fault, count]) => `${fault} ${count}`)
    .join(', ');
  const total = Object.values(summary.injected).reduce((sum, count) => sum + count, 0);
  return [
    `chaos run, seed ${summary.seed}: ${summary.rounds.length} faulted scans of ${summary.findings} findings (${summary.operations} operations)`,
    `  calls: ${summary.calls}; faults injected: ${total} (${injected || 'none'})`,
    `  findings changed vs the clean run: ${summary.changed} (${summary.rounds.reduce((s, r) => s + r.toUnknown, 0)} to UNKNOWN, ${summary.rounds.reduce((s, r) => s + r.dropped, 0)} dropped with a note)`,
    `  false PASS: ${summary.falsePass}; other false verdicts: ${summary.falseVerdict}`,
  ].join('\n');
}

export function describeRound(round: ChaosRound): string {
  const faults = round.faults
    .map(
      (rule) =>
        `${String(rule.operations)} ${rule.fault}${rule.attempts ? `@${rule.attempts.join('+')}` : ''}`,
    )
    .join(', ');
  return (
    `round ${round.round}: ${round.calls} calls, ${round.toUnknown} UNKNOWN, ${round.dropped} dropped, ` +
    `${round.falsePass.length} false PASS, ${round.falseVerdict.length} false verdicts, ${round.ms} ms [${faults}]` +
    [...round.falsePass, ...round.falseVerdict].map((line) => `\n    ${line}`).join('')
  );
}
