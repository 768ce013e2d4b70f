import path from 'node:path';
import type { Finding } from '../findings/finding';
import { problemOf } from '../findings/input-problem';
import type { ScanNote, ScanReport } from '../findings/scan-report';
import { templateToModel } from '../normalise/template/template-to-model';
import { parseTemplateFile, type ParsedTemplate } from '../sources/template/parse-template';
import { readMetadataSuppressions } from '../suppressions/metadata-suppressions';
import { expandTemplatePaths } from './expand-paths';
import { reserveEngineMemory } from './reserve-engine-memory';
import { addCounts, judgeSource, type ModelSource } from './judge-source';
import { timed } from './phase-timer';
import { finishScan, startScan, type TemplateSourceScanOptions } from './scan-start';

export interface TemplateScanOptions extends TemplateSourceScanOptions {
  /** Template files, directories (searched for `.json`, `.yaml`, `.yml`, `.template`) and glob patterns. */
  paths: string[];
}

/**
 * Scans CloudFormation templates: each file (each document of a multi-document YAML file) becomes one
 * model per scenario of its undecidable conditions, judged on the path every template source shares
 * (`judgeSource`). A file that cannot be read or parsed is reported as an input problem with its
 * position, and the other files are still scanned.
 */
export function scanTemplates(options: TemplateScanOptions): ScanReport {
  const start = startScan(options);
  const { startedAt, limits, rules, parameters, pseudo, suppressions, attestations, errors } = start;
  const findings: Finding[] = [];
  const notes: ScanNote[] = [];
  const notModelled: Record<string, number> = {};
  const files = expandTemplatePaths(options.paths, errors);
  // Each template is evaluated on its own: room for the largest.
  reserveEngineMemory(options.engine, files, 'largest');

  for (const file of files) {
    let templates: ParsedTemplate[];
    try {
      templates = timed(options.timer, 'parse', () => parseTemplateFile(file, limits));
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
          const built = timed(options.timer, 'resolve', () =>
            templateToModel(template, {
              config: options.config.rules,
              scannedAt: startedAt,
              scope,
              parameters,
              pseudo,
              assumptions: scenario.assumptions,
              scenario: scenario.label,
              undecidedNote,
              maxDepth: limits.maxNestingDepth,
              maxResolvedChars: limits.maxResolvedChars,
            }),
          );
          return {
            ...built,
            undecided: built.undecided.map(({ name, ...rest }) => ({ key: name, ...rest })),
          };
        },
      };
      let judged;
      try {
        judged = judgeSource(source, {
          engine: options.engine,
          rules,
          maxScenarios: limits.maxScenarios,
          attestations,
          timer: options.timer,
        });
      } catch (thrown) {
        // A fault while reading one template (a bug, or a hostile input no limit foresaw) is that file's
        // input problem: the other files are still scanned, and nothing about this one passes.
        errors.push(problemOf(thrown, file));
        continue;
      }
      findings.push(...judged.findings);
      notes.push(...judged.notes);
      addCounts(notModelled, judged.notModelled);
    }
  }
  return finishScan(start, options.engine, { targets: files, findings, notes, notModelled });
}

/** The model id prefix of a template's resources: its file name, and document number when there are several. */
function scopeName(file: string, document: number, documents: number): string {
  const base = path.basename(file).replace(/\.(json|ya?ml|template)$/i, '');
  return documents > 1 ? `${base}#${document + 1}` : base;
}

/** Kept here too for callers that read templates one by one (the CDK validation plugin). */
export { problemOf };
