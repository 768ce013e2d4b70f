import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { InputProblem } from '../findings/scan-report';

const TEMPLATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);

/**
 * The template files named by the paths, each once, in a stable order: files as given, directories
 * searched for template files, glob patterns (`templates/**\/*.yaml`) expanded. A path that names
 * nothing is left for reading to report with its name; a pattern that matches nothing is a problem.
 */
export function expandTemplatePaths(paths: readonly string[], errors: InputProblem[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(given).isDirectory();
    } catch {
      if (isDynamicPattern(given)) {
        const matches = expandPattern(given);
        if (matches.length === 0) {
          errors.push({ code: 'INPUT_UNREADABLE', message: 'no file matches this pattern', file: given });
        }
        files.push(...matches);
      } else files.push(given); // reading it reports the problem with the file's name
      continue;
    }
    if (!isDirectory) {
      files.push(given);
      continue;
    }
    try {
      files.push(...templatesIn(given));
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      errors.push({ code: 'INPUT_UNREADABLE', message: `cannot list: ${message}`, file: given });
    }
  }
  return [...new Set(files)];
}

function expandPattern(pattern: string): string[] {
  return globSync(pattern, {
    onlyFiles: true,
    absolute: path.isAbsolute(pattern),
    ignore: ['**/node_modules/**'],
  }).sort();
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
