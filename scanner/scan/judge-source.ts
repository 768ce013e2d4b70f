import { attestationsAt } from '../attestations/attestations-at';
import type { Attestations } from '../attestations/load-attestations';
import type { PolicyEngine } from '../engine/policy-engine';
import type { RuleMetadata } from '../engine/rule-metadata';
import { buildFindings } from '../findings/build-findings';
import type { Finding } from '../findings/finding';
import { mergeScenarioFindings } from '../findings/merge-scenarios';
import type { ScanNote } from '../findings/scan-report';
import type { Model } from '../model/model';
import type { TemplateDiagnostic } from '../normalise/template/template-to-model';
import type { PositionIndex } from '../sources/template/positions';
import { timed, type PhaseTimer } from './phase-timer';
import { judgeScenarios, type Scenario, type ScenarioBuild } from './scenarios';

/** One model read from an input under one scenario, with what could not be followed. */
export interface SourceModel extends ScenarioBuild {
  model: Model;
  diagnostics: TemplateDiagnostic[];
  notModelled: Record<string, number>;
}

/**
 * An input that becomes one model: a template document, or a whole cloud assembly. It is built once per
 * scenario of the conditions it cannot decide (once, usually).
 */
export interface ModelSource {
  /** What findings about the scan as a whole name: a template file, an assembly folder. */
  target: string;
  build(scenario: Scenario, undecidedNote?: string): SourceModel;
  /** Positions in one of the files the input was read from. */
  positions(file: string): PositionIndex | undefined;
}

export interface JudgeOptions {
  engine: PolicyEngine;
  rules: readonly RuleMetadata[];
  maxScenarios: number;
  /** The attestations file's entries, put into every model with their days left counted from its scan time. */
  attestations?: Attestations;
  timer?: PhaseTimer | undefined;
}

export interface JudgedSource {
  findings: Finding[];
  notes: ScanNote[];
  notModelled: Record<string, number>;
}

/**
 * The one path from an input to findings, for every source that reads templates: build the model of each
 * scenario, evaluate the rules on it, turn results into findings with their positions, and merge the
 * scenarios' findings. What the resolver and adapters could not follow becomes notes with positions.
 */
export function judgeSource(source: ModelSource, options: JudgeOptions): JudgedSource {
  const locate = (file: string, path: ReadonlyArray<string | number>) => source.positions(file)?.locate(path);
  const judged = judgeScenarios(source.build.bind(source), options.maxScenarios).map(
    ({ scenario, result }) => {
      result.model.attestations = attestationsAt(options.attestations ?? {}, result.model.scan.scanned_at);
      const results = timed(options.timer, 'evaluate', () =>
        options.engine.evaluate(result.model, options.rules),
      );
      return {
        ...scenario,
        result,
        findings: timed(options.timer, 'findings', () =>
          buildFindings(results, result.model, {
            target: source.target,
            locate,
            catalog: options.engine.manifest.catalog,
          }),
        ),
      };
    },
  );
  const notes = notesOf(
    source,
    judged.flatMap(({ result }) => result.diagnostics),
  );
  if (judged.length > 1) {
    const conditions = [...new Set(judged.flatMap((scenario) => [...scenario.assumptions.keys()]))];
    notes.push({
      message: `conditions ${conditions.join(', ')} cannot be decided without parameter values; the findings were judged in each of ${judged.length} scenarios, and a finding that holds only in some names them`,
      file: source.target,
    });
  }
  return {
    findings: mergeScenarioFindings(judged),
    notes,
    notModelled: judged[0].result.notModelled,
  };
}

/** Diagnostics as notes, each once however many scenarios met it, at the nearest written place. */
function notesOf(source: ModelSource, diagnostics: TemplateDiagnostic[]): ScanNote[] {
  const seen = new Set<string>();
  const notes: ScanNote[] = [];
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.file}\0${diagnostic.message}\0${diagnostic.path.join('\0')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = source.positions(diagnostic.file)?.nearest(diagnostic.path);
    notes.push({
      message: diagnostic.message,
      file: diagnostic.file,
      ...(position ?? {}),
      ...(diagnostic.logicalId ? { logical_id: diagnostic.logicalId } : {}),
    });
  }
  return notes;
}

/** Adds counts of resource types no adapter reads. */
export function addCounts(into: Record<string, number>, counts: Record<string, number>): void {
  for (const [type, count] of Object.entries(counts)) into[type] = (into[type] ?? 0) + count;
}
