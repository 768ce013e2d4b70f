import type { PolicyEngine } from '../engine/policy-engine';
import type { LexguardConfig } from '../config/load-config';
import type { InputProblem, ScanReport } from '../findings/scan-report';
import { assemblyToModel } from '../normalise/assembly/assembly-to-model';
import { loadStacks, type LoadedStack } from '../sources/assembly/load-stacks';
import { readAssembly } from '../sources/assembly/read-assembly';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../sources/input-limits';
import type { PositionIndex } from '../sources/template/positions';
import { splitPseudoParameters } from '../sources/template/pseudo-parameters';
import { readMetadataSuppressions } from '../suppressions/metadata-suppressions';
import type { Suppression } from '../suppressions/suppression';
import { assembleReport } from './assemble-report';
import { judgeSource, type JudgedSource } from './judge-source';

export interface AssemblyScanOptions {
  /** The cloud assembly folder (`cdk.out`). */
  dir: string;
  engine: PolicyEngine;
  config: LexguardConfig;
  /** Values for the stacks' parameters; pseudo parameters for stacks without an environment. */
  parameters?: Record<string, string>;
  /** Suppressions from the central file; those in resources' Metadata are read from the templates. */
  suppressions?: readonly Suppression[];
  limits?: InputLimits;
  now?: () => Date;
}

/**
 * Scans a CDK cloud assembly as one model: every stack of the manifest, of its nested assemblies (stages)
 * and their nested stacks, judged on the same path as templates (`judgeSource`). Findings name each
 * resource's stack and construct path. A template that cannot be read is an input problem; the other
 * stacks are still scanned.
 */
export function scanAssembly(options: AssemblyScanOptions): ScanReport {
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const startedAt = now().toISOString();
  const errors: InputProblem[] = [];
  const rules = options.engine.rules.filter((rule) => !options.config.skipRules.includes(rule.id));
  const { parameters, pseudo } = splitPseudoParameters(options.parameters ?? {});
  const stacks = loadStacks(readAssembly(options.dir, errors), limits, errors);
  const positions = new Map<string, PositionIndex>();
  const targets: string[] = [];
  const suppressions: Suppression[] = [...(options.suppressions ?? [])];
  const collect = (loaded: LoadedStack): void => {
    positions.set(loaded.template.file, loaded.template.positions);
    targets.push(loaded.template.file);
    const declared = readMetadataSuppressions(loaded.template, loaded.scope);
    suppressions.push(...declared.suppressions);
    errors.push(...declared.problems);
    loaded.children.forEach(collect);
  };
  stacks.forEach(collect);

  const judged: JudgedSource =
    stacks.length === 0
      ? { findings: [], notes: [], notModelled: {} }
      : judgeSource(
          {
            target: options.dir,
            positions: (file) => positions.get(file),
            build: (scenario, undecidedNote) =>
              assemblyToModel(stacks, {
                config: options.config.rules,
                scannedAt: startedAt,
                assumptions: scenario.assumptions,
                scenario: scenario.label,
                undecidedNote,
                parameters,
                pseudo,
                maxDepth: limits.maxNestingDepth,
              }),
          },
          { engine: options.engine, rules, maxScenarios: limits.maxScenarios },
        );
  return assembleReport({
    sourceKind: 'template',
    manifest: options.engine.manifest,
    rules: rules.length,
    startedAt,
    finishedAt: now().toISOString(),
    targets,
    findings: judged.findings,
    errors,
    notes: judged.notes,
    notModelled: judged.notModelled,
    suppressions,
  });
}
