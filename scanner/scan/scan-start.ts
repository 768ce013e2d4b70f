import { attestationsAt } from '../attestations/attestations-at';
import type { Attestations } from '../attestations/load-attestations';
import type { LexguardConfig } from '../config/load-config';
import type { PolicyEngine } from '../engine/policy-engine';
import type { RuleMetadata } from '../engine/rule-metadata';
import type { Finding } from '../findings/finding';
import type { InputProblem, ScanNote, ScanReport } from '../findings/scan-report';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../sources/input-limits';
import { splitPseudoParameters } from '../sources/template/pseudo-parameters';
import type { PseudoParameters } from '../sources/template/resolve/resolver';
import type { Suppression } from '../suppressions/suppression';
import { assembleReport } from './assemble-report';
import type { PhaseTimer } from './phase-timer';

/** What every scan of templates or cloud assemblies is given besides its inputs. */
export interface TemplateSourceScanOptions {
  engine: PolicyEngine;
  config: LexguardConfig;
  /** Parameter values; pseudo parameters (`AWS::Region`, `AWS::AccountId`, …) are given the same way. */
  parameters?: Record<string, string>;
  /** Suppressions from the central file; those in resources' Metadata are read from the templates. */
  suppressions?: readonly Suppression[];
  limits?: InputLimits;
  /** The attestations file's entries (practices no API shows); none when the scan was given no file. */
  attestations?: Attestations;
  /** The clock, for tests. */
  now?: () => Date;
  /** Adds up the time of each phase when `--timings` asks for it. */
  timer?: PhaseTimer;
}

/** The state a scan starts with, the same for templates and cloud assemblies. */
export interface ScanStart {
  now: () => Date;
  startedAt: string;
  limits: InputLimits;
  /** The rules that run: the bundle's, less those the configuration skips. */
  rules: readonly RuleMetadata[];
  parameters: Record<string, string>;
  pseudo: Partial<PseudoParameters>;
  /** The central file's suppressions; each source adds those it reads from Metadata. */
  suppressions: Suppression[];
  attestations: Attestations;
  errors: InputProblem[];
}

export function startScan(options: TemplateSourceScanOptions): ScanStart {
  const now = options.now ?? (() => new Date());
  return {
    now,
    startedAt: now().toISOString(),
    limits: options.limits ?? DEFAULT_INPUT_LIMITS,
    rules: options.engine.rules.filter((rule) => !options.config.skipRules.includes(rule.id)),
    ...splitPseudoParameters(options.parameters ?? {}),
    suppressions: [...(options.suppressions ?? [])],
    attestations: options.attestations ?? {},
    errors: [],
  };
}

/** The report of a scan begun with `startScan`: suppressions applied, counted, finished now. */
export function finishScan(
  start: ScanStart,
  engine: PolicyEngine,
  judged: { targets: string[]; findings: Finding[]; notes: ScanNote[]; notModelled: Record<string, number> },
): ScanReport {
  return assembleReport({
    sourceKind: 'template',
    manifest: engine.manifest,
    rules: start.rules.length,
    startedAt: start.startedAt,
    finishedAt: start.now().toISOString(),
    errors: start.errors,
    suppressions: start.suppressions,
    attestations: attestationsAt(start.attestations, start.startedAt),
    ...judged,
  });
}
