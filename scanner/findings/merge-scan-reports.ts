import { LexguardError } from '../errors';
import type { LiveScanSummary, ScanReport } from './scan-report';
import { summarise } from './summary';

/**
 * Joins the reports of one scan made in parts (one per account and region, or per template) into the
 * report of the whole scan. The parts must come from the same policy bundle and source kind: findings of
 * different rules are not one scan.
 */
export function mergeScanReports(parts: readonly ScanReport[]): ScanReport {
  const [first] = parts;
  if (!first) throw new LexguardError('USAGE', 'no scan report to merge');
  if (parts.length === 1) return first;
  for (const part of parts) {
    if (part.policy.digest !== first.policy.digest) {
      throw new LexguardError(
        'USAGE',
        `the scans were made with different policy bundles (${first.policy.digest.slice(0, 12)} and ${part.policy.digest.slice(0, 12)}); report on them separately`,
      );
    }
    if (part.scan.source_kind !== first.scan.source_kind) {
      throw new LexguardError(
        'USAGE',
        `cannot merge a ${first.scan.source_kind} scan with a ${part.scan.source_kind} scan; report on them separately`,
      );
    }
  }
  const findings = parts.flatMap((part) => part.findings);
  const notModelled: Record<string, number> = {};
  for (const part of parts) {
    for (const [type, count] of Object.entries(part.not_modelled))
      notModelled[type] = (notModelled[type] ?? 0) + count;
  }
  const attestations = Object.assign(
    {},
    ...parts.map((part) => part.attestations ?? {}),
  ) as ScanReport['attestations'];
  return {
    schema_version: first.schema_version,
    tool: first.tool,
    policy: first.policy,
    scan: {
      source_kind: first.scan.source_kind,
      started_at: parts.map((part) => part.scan.started_at).sort()[0],
      finished_at: parts.map((part) => part.scan.finished_at).sort()[parts.length - 1],
      targets: parts.flatMap((part) => part.scan.targets),
    },
    findings,
    errors: parts.flatMap((part) => part.errors),
    notes: parts.flatMap((part) => part.notes),
    suppressions: parts.flatMap((part) => part.suppressions),
    not_modelled: notModelled,
    summary: summarise(findings),
    ...(attestations && Object.keys(attestations).length > 0 ? { attestations } : {}),
    ...liveOf(parts),
  };
}

/**
 * The calls and coverage of live parts added up; the parts ran side by side, so the longest wall time
 * stands for the whole. Absent unless every part was a live scan that counted its calls.
 */
function liveOf(parts: readonly ScanReport[]): { live?: LiveScanSummary } {
  const lives = parts.map((part) => part.live);
  if (!lives.every((live): live is LiveScanSummary => live !== undefined)) return {};
  const sum = (pick: (live: LiveScanSummary) => number): number =>
    lives.reduce((total, live) => total + pick(live), 0);
  const failuresByCode: Record<string, number> = {};
  for (const live of lives) {
    for (const [code, count] of Object.entries(live.calls.failures_by_code))
      failuresByCode[code] = (failuresByCode[code] ?? 0) + count;
  }
  const made = sum((live) => live.calls.made);
  const failed = sum((live) => live.calls.failed);
  return {
    live: {
      accounts: [...new Set(lives.flatMap((live) => live.accounts))].sort(),
      regions: [...new Set(lives.flatMap((live) => live.regions))].sort(),
      calls: {
        made,
        attempts: sum((live) => live.calls.attempts),
        retried: sum((live) => live.calls.retried),
        absent: sum((live) => live.calls.absent),
        failed,
        failures_by_code: failuresByCode,
      },
      coverage: {
        calls_answered: made === 0 ? 0 : (made - failed) / made,
        resources: sum((live) => live.coverage.resources),
        resources_complete: sum((live) => live.coverage.resources_complete),
      },
      wall_ms: Math.max(...lives.map((live) => live.wall_ms)),
      waiting_ms: Math.max(...lives.map((live) => live.waiting_ms)),
    },
  };
}
