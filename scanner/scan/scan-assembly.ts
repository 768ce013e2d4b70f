import type { ScanReport } from '../findings/scan-report';
import { assemblyToModel } from '../normalise/assembly/assembly-to-model';
import { loadStacks, type LoadedStack } from '../sources/assembly/load-stacks';
import { readAssembly } from '../sources/assembly/read-assembly';
import type { PositionIndex } from '../sources/template/positions';
import { readMetadataSuppressions } from '../suppressions/metadata-suppressions';
import { judgeSource, type JudgedSource } from './judge-source';
import { timed } from './phase-timer';
import { reserveEngineMemory } from './reserve-engine-memory';
import { finishScan, startScan, type TemplateSourceScanOptions } from './scan-start';

/** `parameters` apply to every top-level stack; pseudo parameters to stacks without an environment. */
export interface AssemblyScanOptions extends TemplateSourceScanOptions {
  /** The cloud assembly folder (`cdk.out`). */
  dir: string;
}

/**
 * Scans a CDK cloud assembly as one model: every stack of the manifest, of its nested assemblies (stages)
 * and their nested stacks, judged on the same path as templates (`judgeSource`). Findings name each
 * resource's stack and construct path. A template that cannot be read is an input problem; the other
 * stacks are still scanned.
 */
export function scanAssembly(options: AssemblyScanOptions): ScanReport {
  const start = startScan(options);
  const { startedAt, limits, rules, parameters, pseudo, suppressions, attestations, errors } = start;
  const assembly = timed(options.timer, 'parse', () => readAssembly(options.dir, errors));
  // One model of every stack: room for them all, before their templates are read.
  reserveEngineMemory(
    options.engine,
    assembly.map((stack) => stack.templateFile),
    'sum',
  );
  const stacks = timed(options.timer, 'parse', () => loadStacks(assembly, limits, errors));
  const positions = new Map<string, PositionIndex>();
  const targets: string[] = [];
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
              timed(options.timer, 'resolve', () =>
                assemblyToModel(stacks, {
                  config: options.config.rules,
                  scannedAt: startedAt,
                  assumptions: scenario.assumptions,
                  scenario: scenario.label,
                  undecidedNote,
                  parameters,
                  pseudo,
                  maxDepth: limits.maxNestingDepth,
                  maxResolvedChars: limits.maxResolvedChars,
                }),
              ),
          },
          {
            engine: options.engine,
            rules,
            maxScenarios: limits.maxScenarios,
            attestations,
            timer: options.timer,
          },
        );
  return finishScan(start, options.engine, { targets, ...judged });
}
