import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PolicyEngine } from '../engine/policy-engine';
import { describeThrown, LexguardError } from '../errors';
import { buildFindings } from '../findings/build-findings';
import type { Finding } from '../findings/finding';
import type { InputProblem, ScanNote, ScanReport } from '../findings/scan-report';
import type { LexguardConfig } from '../config/load-config';
import { templateToModel } from '../normalise/template/template-to-model';
import { parseTemplateFile, type ParsedTemplate } from '../sources/template/parse-template';
import { readMetadataSuppressions } from '../suppressions/metadata-suppressions';
import type { Suppression } from '../suppressions/suppression';
import { assembleReport } from './assemble-report';

export interface TemplateScanOptions {
  /** Template files and directories (searched for `.json`, `.yaml`, `.yml`, `.template`). */
  paths: string[];
  engine: PolicyEngine;
  config: LexguardConfig;
  parameters?: Record<string, string>;
  /** Suppressions from the central file; those in resources' Metadata are read from the templates. */
  suppressions?: readonly Suppression[];
  /** The clock, for tests. */
  now?: () => Date;
}

const TEMPLATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);

/**
 * Scans CloudFormation templates: each file (each document of a multi-document YAML file) becomes one
 * model, evaluated once. A file that cannot be read or parsed is reported as an input problem with its
 * position, and the other files are still scanned.
 */
export function scanTemplates(options: TemplateScanOptions): ScanReport {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const findings: Finding[] = [];
  const errors: InputProblem[] = [];
  const notes: ScanNote[] = [];
  const notModelled: Record<string, number> = {};
  const targets: string[] = [];
  const suppressions: Suppression[] = [...(options.suppressions ?? [])];
  const rules = options.engine.rules.filter((rule) => !options.config.skipRules.includes(rule.id));

  for (const file of expandPaths(options.paths, errors)) {
    targets.push(file);
    let templates: ParsedTemplate[];
    try {
      templates = parseTemplateFile(file);
    } catch (thrown) {
      errors.push(problemOf(thrown, file));
      continue;
    }
    for (const template of templates) {
      const scope = scopeName(file, template.document, templates.length);
      const declared = readMetadataSuppressions(template, scope);
      suppressions.push(...declared.suppressions);
      errors.push(...declared.problems);
      const {
        model,
        diagnostics,
        notModelled: skipped,
      } = templateToModel(template, {
        config: options.config.rules,
        scannedAt: startedAt,
        scope,
        parameters: options.parameters,
      });
      for (const [type, count] of Object.entries(skipped))
        notModelled[type] = (notModelled[type] ?? 0) + count;
      for (const diagnostic of diagnostics) {
        const position = template.positions.locate(diagnostic.path);
        notes.push({
          message: diagnostic.message,
          file,
          ...(position ?? {}),
          ...(diagnostic.logicalId ? { logical_id: diagnostic.logicalId } : {}),
        });
      }
      const outcomes = options.engine.evaluate(model, rules);
      findings.push(
        ...buildFindings(outcomes, model, {
          target: file,
          locate: (_file, where) => template.positions.locate(where),
        }),
      );
    }
  }
  return assembleReport({
    sourceKind: 'template',
    manifest: options.engine.manifest,
    rules: rules.length,
    startedAt,
    finishedAt: now().toISOString(),
    targets,
    findings,
    errors,
    notes,
    notModelled,
    suppressions,
  });
}

/** Template files named by the paths: files as given, directories searched (sorted, for stable output). */
function expandPaths(paths: string[], errors: InputProblem[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(given).isDirectory();
    } catch {
      files.push(given); // reading it reports the problem with the file's name
      continue;
    }
    if (!isDirectory) {
      files.push(given);
      continue;
    }
    try {
      files.push(...templatesIn(given));
    } catch (thrown) {
      errors.push(problemOf(thrown, given));
    }
  }
  return files;
}

function templatesIn(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...templatesIn(full));
    else if (entry.isFile() && TEMPLATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))
      found.push(full);
  }
  return found;
}

/** The model id prefix of a template's resources: its file name, and document number when there are several. */
function scopeName(file: string, document: number, documents: number): string {
  const base = path.basename(file).replace(/\.(json|ya?ml|template)$/i, '');
  return documents > 1 ? `${base}#${document + 1}` : base;
}

export function problemOf(thrown: unknown, file: string): InputProblem {
  if (thrown instanceof LexguardError) {
    return {
      code: thrown.code,
      message: thrown.message,
      file: thrown.position?.file ?? file,
      ...(thrown.position?.line !== undefined ? { line: thrown.position.line } : {}),
      ...(thrown.position?.column !== undefined ? { column: thrown.position.column } : {}),
    };
  }
  return { code: 'INTERNAL', message: describeThrown(thrown), file };
}
