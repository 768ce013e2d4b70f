import { attestationsAt } from '../attestations/attestations-at';
import type { Attestations } from '../attestations/load-attestations';
import type { LexguardConfig } from '../config/load-config';
import type { PolicyEngine } from '../engine/policy-engine';
import { buildFindings } from '../findings/build-findings';
import type { InputProblem, LiveScanSummary, ScanNote, ScanReport } from '../findings/scan-report';
import type { ClientSettings } from '../sources/live/client-set';
import { collectLive, type LiveCollection } from '../sources/live/collect-live';
import type { CallObserver } from '../sources/live/live-caller';
import type { AccountSelection } from '../sources/live/targets';
import type { Suppression } from '../suppressions/suppression';
import { assembleReport } from './assemble-report';

export interface LiveScanOptions {
  engine: PolicyEngine;
  config: LexguardConfig;
  accounts: AccountSelection;
  regions?: string[];
  homeRegion: string;
  tuning?: Partial<LiveTuning>;
  observer?: CallObserver;
  /** The central file's suppressions (live resources carry none of their own). */
  suppressions?: readonly Suppression[];
  /** The attestations file's entries (practices no API shows); none when the scan was given no file. */
  attestations?: Attestations;
  now?: () => Date;
}

/** How hard lexguard tries: attempts, timeouts and concurrency. */
export interface LiveTuning extends ClientSettings {
  callTimeoutMs: number;
  concurrencyPerService: number;
}

export const DEFAULT_LIVE_TUNING: LiveTuning = {
  maxAttempts: 5,
  attemptTimeoutMs: 10_000,
  callTimeoutMs: 60_000,
  concurrencyPerService: 8,
};

/**
 * Scans live AWS accounts: collect every account and region into one model, evaluate every rule once,
 * and report. What could not be read is UNKNOWN in the findings and counted in the report's `live`
 * coverage; an account or region that could not be reached at all is an error of the report.
 */
export async function scanLive(
  options: LiveScanOptions,
): Promise<{ report: ScanReport; collection: LiveCollection }> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const tuning = { ...DEFAULT_LIVE_TUNING, ...options.tuning };
  const collection = await collectLive({
    accounts: options.accounts,
    regions: options.regions,
    homeRegion: options.homeRegion,
    config: options.config.rules,
    client: tuning,
    callTimeoutMs: tuning.callTimeoutMs,
    concurrencyPerService: tuning.concurrencyPerService,
    now,
    observer: options.observer,
  });
  const collected = now();
  const rules = options.engine.rules.filter((rule) => !options.config.skipRules.includes(rule.id));
  const targets = collection.accounts.map((account) => `aws://${account}`);
  collection.model.attestations = attestationsAt(
    options.attestations ?? {},
    collection.model.scan.scanned_at,
  );
  const findings = buildFindings(options.engine.evaluate(collection.model, rules), collection.model, {
    target: targets.join(', ') || 'aws',
    catalog: options.engine.manifest.catalog,
  });
  const errors: InputProblem[] = [];
  const notes: ScanNote[] = [];
  for (const problem of collection.problems) {
    // A target not reached at all is an error; a listing that failed inside a reached account is a note.
    if (problem.kind === 'incomplete') notes.push({ message: `${problem.target}: ${problem.reason}` });
    else errors.push({ code: 'AWS_UNAVAILABLE', message: `${problem.target}: ${problem.reason}` });
  }
  const report: ScanReport = {
    ...assembleReport({
      sourceKind: 'live',
      manifest: options.engine.manifest,
      rules: rules.length,
      startedAt: started.toISOString(),
      finishedAt: now().toISOString(),
      targets,
      findings,
      errors,
      notes,
      notModelled: {},
      suppressions: options.suppressions ?? [],
      attestations: collection.model.attestations,
    }),
    live: liveSummary(collection, collected.getTime() - started.getTime()),
  };
  return { report, collection };
}

function liveSummary(collection: LiveCollection, wallMs: number): LiveScanSummary {
  const { counts } = collection;
  return {
    accounts: collection.accounts,
    regions: collection.regions,
    calls: {
      made: counts.calls,
      attempts: counts.attempts,
      retried: counts.retried,
      absent: counts.absent,
      failed: counts.failed,
      failures_by_code: counts.failures_by_code,
    },
    coverage: {
      calls_answered: counts.calls === 0 ? 0 : (counts.calls - counts.failed) / counts.calls,
      resources: collection.resources.total,
      resources_complete: collection.resources.complete,
    },
    wall_ms: wallMs,
    waiting_ms: Math.round(collection.waitingMs),
  };
}
