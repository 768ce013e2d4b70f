import path from 'node:path';
import type { PolicyEngine } from '../engine/policy-engine';
import type { Finding } from '../findings/finding';
import { problemOf } from '../findings/input-problem';
import type { InputProblem, ScanNote, ScanReport } from '../findings/scan-report';
import type { LexguardConfig } from '../config/load-config';
import { templateToModel } from '../normalise/template/template-to-model';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../sources/input-limits';
import { parseTemplateFile, type ParsedTemplate } from '../sources/template/parse-template';
import { splitPseudoParameters } from '../sources/template/pseudo-parameters';
import { readMetadataSuppressions } from '../suppressions/metadata-suppressions';
import type { Suppression } from '../suppressions/suppression';
import { assembleReport } from './assemble-report';
import { expandTemplatePaths } from './expand-paths';
import { addCounts, judgeSource, type ModelSource } from './judge-source';

export interface TemplateScanOptions {
  /** Template files, directories (searched for `.json`, `.yaml`, `.yml`, `.template`) and glob patterns. */
  paths: string[];
  engine: PolicyEngine;
  config: LexguardConfig;
  /** Parameter values; pseudo parameters (`AWS::Region`, `AWS::AccountId`, …) are given the same way. */
  parameters?: Record<string, string>;
  /** Suppressions from the central file; those in resources' Metadata are read from the templates. */
  suppressions?: readonly Suppression[];
  limits?: InputLimits;
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * Scans CloudFormation templates: each file (each document of a multi-document YAML file) becomes one
 * model per scenario of its undecidable conditions, judged on the path every template source shares
 * (`judgeSource`). A file that cannot be read or parsed is reported as an input problem with its
 * position, and the other files are still scanned.
 */
export function scanTemplates(options: TemplateScanOptions): ScanReport {
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const startedAt = now().toISOString();
  const findings: Finding[] = [];
  const errors: InputProblem[] = [];
  const notes: ScanNote[] = [];
  const notModelled: Record<string, number> = {};
  const suppressions: Suppression[] = [...(options.suppressions ?? [])];
  const rules = options.engine.rules.filter((rule) => !options.config.skipRules.includes(rule.id));
  const { parameters, pseudo } = splitPseudoParameters(options.parameters ?? {});
  const files = expandTemplatePaths(options.paths, errors);

  for (const file of files) {
    let templates: ParsedTemplate[];
    try {
      templates = parseTemplateFile(file, limits);
    } catch (thrown) {
      errors.push(problemOf(thrown, file));
      continue;
    }
    for (const template of templates) {
      const scope = scopeName(file, template.document, templates.length);
      const declared = readMetadataSuppressions(template, scope);
      suppressions.push(...declared.suppressions);
      errors.push(...declared.problems);
      const source: ModelSource = {
        target: file,
        positions: (at) => (at === template.file ? template.positions : undefined),
        build: (scenario, undecidedNote) => {
          const built = templateToModel(template, {
            config: options.config.rules,
            scannedAt: startedAt,
            scope,
            parameters,
            pseudo,
            assumptions: scenario.assumptions,
            scenario: scenario.label,
            undecidedNote,
            maxDepth: limits.maxNestingDepth,
          });
          return {
            ...built,
            undecided: built.undecided.map(({ name, ...rest }) => ({ key: name, ...rest })),
          };
        },
      };
      const judged = judgeSource(source, {
        engine: options.engine,
        rules,
        maxScenarios: limits.maxScenarios,
      });
      findings.push(...judged.findings);
      notes.push(...judged.notes);
      addCounts(notModelled, judged.notModelled);
    }
  }
  return assembleReport({
    sourceKind: 'template',
    manifest: options.engine.manifest,
    rules: rules.length,
    startedAt,
    finishedAt: now().toISOString(),
    targets: files,
    findings,
    errors,
    notes,
    notModelled,
    suppressions,
  });
}

/** The model id prefix of a template's resources: its file name, and document number when there are several. */
function scopeName(file: string, document: number, documents: number): string {
  const base = path.basename(file).replace(/\.(json|ya?ml|template)$/i, '');
  return documents > 1 ? `${base}#${document + 1}` : base;
}

/** Kept here too for callers that read templates one by one (the CDK validation plugin). */
export { problemOf };
