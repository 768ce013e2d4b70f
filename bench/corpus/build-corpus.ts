/**
 * Writes the side-by-side benchmark's corpus and its ground truth:
 * - one generated template per size (10, 100, 1,000, 10,000 resources) in JSON and in YAML;
 * - a directory of 500 ten-resource templates, half JSON and half YAML (the many-files case of a monorepo);
 * - the document store's own synthesized templates (no ground truth: they are not generated).
 * The ground truth of every generated item is written beside it (`truth.json`), as the generator made it.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateTemplate, toJson, toYaml } from '../lib/generate-templates';
import { CONTROLS, type Control, type FindingKey } from './controls';
import { documentStoreMix, newCounters, type TemplateTruth } from './mix';

export const SIZES = [10, 100, 1000, 10000] as const;
export const MANY_FILES = 500;
const MANY_FILES_RESOURCES = 10;

export interface CorpusItem {
  /** Stable name used in the results: `generated-1000.yaml`, `many-files-500`, `document-store`. */
  name: string;
  kind: 'generated' | 'many-files' | 'document-store';
  format: 'json' | 'yaml' | 'json+yaml';
  /** A template file, or a directory of them. */
  path: string;
  files: number;
  resources: number;
  bytes: number;
  /** Failing controls the generator wrote; absent for templates it did not generate. */
  truth?: FindingKey[];
  /** Resources each control judges, per control. */
  checked?: Record<Control, number>;
  /** Per file, the bucket each bucket policy protects (the generator's record). */
  bucketOfPolicy?: Record<string, Record<string, string>>;
  /** Where the templates came from, for the results (the document store's synth). */
  origin?: string;
}

/** Builds every item under `outDir` (emptied first) and returns them in the order they are measured. */
export function buildCorpus(outDir: string, store: { files: string[]; origin: string }): CorpusItem[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const items: CorpusItem[] = [];

  for (const size of SIZES) {
    for (const format of ['json', 'yaml'] as const) {
      // The same template in both formats: one generator pass, one truth.
      const { template, truth } = documentStoreMix(generateTemplate(size), newCounters());
      const dir = path.join(outDir, `generated-${size}-${format}`);
      mkdirSync(dir, { recursive: true });
      const file = `template-${size}.${format}`;
      writeFileSync(path.join(dir, file), format === 'json' ? toJson(template) : toYaml(template));
      items.push(
        withTruth(
          {
            name: `generated-${size}.${format}`,
            kind: 'generated',
            format,
            path: path.join(dir, file),
            files: 1,
            resources: truth.resources,
            bytes: statSync(path.join(dir, file)).size,
          },
          [[file, truth]],
          dir,
        ),
      );
    }
  }

  const manyDir = path.join(outDir, `many-files-${MANY_FILES}`, 'templates');
  mkdirSync(manyDir, { recursive: true });
  const counters = newCounters();
  const truths: Array<[string, TemplateTruth]> = [];
  let bytes = 0;
  for (let i = 0; i < MANY_FILES; i++) {
    const { template, truth } = documentStoreMix(generateTemplate(MANY_FILES_RESOURCES), counters);
    const file = `stack-${String(i).padStart(3, '0')}.${i % 2 === 0 ? 'json' : 'yaml'}`;
    const text = i % 2 === 0 ? toJson(template) : toYaml(template);
    writeFileSync(path.join(manyDir, file), text);
    bytes += Buffer.byteLength(text);
    truths.push([file, truth]);
  }
  items.push(
    withTruth(
      {
        name: `many-files-${MANY_FILES}`,
        kind: 'many-files',
        format: 'json+yaml',
        path: manyDir,
        files: MANY_FILES,
        resources: truths.reduce((sum, [, truth]) => sum + truth.resources, 0),
        bytes,
      },
      truths,
      path.dirname(manyDir),
    ),
  );

  const storeDir = path.join(outDir, 'document-store', 'templates');
  mkdirSync(storeDir, { recursive: true });
  let storeBytes = 0;
  let storeResources = 0;
  for (const source of store.files) {
    const target = path.join(storeDir, path.basename(source));
    copyFileSync(source, target);
    storeBytes += statSync(target).size;
    storeResources += countResources(target);
  }
  items.push({
    name: 'document-store',
    kind: 'document-store',
    format: 'json',
    path: storeDir,
    files: store.files.length,
    resources: storeResources,
    bytes: storeBytes,
    origin: store.origin,
  });
  return items;
}

/** Adds the ground truth to an item and writes it to `truth.json` beside the templates. */
function withTruth(item: CorpusItem, truths: Array<[string, TemplateTruth]>, dir: string): CorpusItem {
  const truth: FindingKey[] = truths.flatMap(([file, t]) =>
    CONTROLS.flatMap((control) => t.failing[control].map((logicalId) => ({ control, file, logicalId }))),
  );
  const checked = Object.fromEntries(
    CONTROLS.map((control) => [control, truths.reduce((sum, [, t]) => sum + t.checked[control].length, 0)]),
  ) as Record<Control, number>;
  const bucketOfPolicy = Object.fromEntries(truths.map(([file, t]) => [file, t.bucketOfPolicy]));
  writeFileSync(
    path.join(dir, 'truth.json'),
    `${JSON.stringify({ checked, failing: truth, bucketOfPolicy }, null, 1)}\n`,
  );
  return { ...item, truth, checked, bucketOfPolicy };
}

function countResources(file: string): number {
  const template = JSON.parse(readFileSync(file, 'utf8')) as {
    Resources?: Record<string, unknown>;
  };
  return Object.keys(template.Resources ?? {}).length;
}
