import Ajv from 'ajv';
import path from 'node:path';
import type { RuleMetadata } from '../../scanner/engine/rule-metadata';
import { RULE_CUSTOM_METADATA_SCHEMA } from '../../scanner/engine/rule-metadata-schema';
import { POLICIES_DIR, runOrThrow, toolPath } from './opa-tool';

interface InspectedAnnotation {
  annotations: { scope?: string; title?: string; description?: string; custom?: Record<string, unknown> };
  location: { file: string; row: number };
  path: Array<{ value: string }>;
}

/**
 * Reads every check's METADATA annotation with `opa inspect -a` and turns it into `RuleMetadata`.
 * Throws one error listing every rule whose metadata is missing or malformed, with file and line.
 */
export function readRuleMetadata(policiesDir: string = POLICIES_DIR): RuleMetadata[] {
  const output = runOrThrow(toolPath('opa'), ['inspect', '-a', '--format', 'json', 'checks'], policiesDir);
  const inspected = JSON.parse(output) as { annotations?: InspectedAnnotation[] };
  const validate = new Ajv({ allErrors: true }).compile(RULE_CUSTOM_METADATA_SCHEMA);
  const rules: RuleMetadata[] = [];
  const problems: string[] = [];
  const seenIds = new Map<string, string>();

  for (const entry of inspected.annotations ?? []) {
    if (entry.annotations.scope !== 'package') continue;
    const file = path.posix.join('policies', entry.location.file.split(path.sep).join('/'));
    if (file.endsWith('_test.rego')) continue;
    const where = `${file}:${entry.location.row}`;
    const segments = entry.path.slice(1).map((p) => p.value);
    if (segments[0] !== 'lexguard' || segments[1] !== 'checks' || segments.length < 4) {
      problems.push(`${where}: a check's package must be lexguard.checks.<service>.<name>`);
      continue;
    }
    const { title, description, custom } = entry.annotations;
    if (!title || !description) problems.push(`${where}: METADATA needs a title and a description`);
    if (!validate(custom)) {
      const details = (validate.errors ?? []).map((e) => `custom${e.instancePath} ${e.message ?? ''}`.trim());
      problems.push(`${where}: ${details.join('; ')}`);
      continue;
    }
    const meta = custom as unknown as Omit<RuleMetadata, 'package' | 'file' | 'title' | 'description'>;
    const previous = seenIds.get(meta.id);
    if (previous) problems.push(`${where}: rule id ${meta.id} is already used by ${previous}`);
    seenIds.set(meta.id, where);
    rules.push({
      ...meta,
      remediation: oneParagraph(meta.remediation),
      id: meta.id,
      package: segments.slice(2).join('.'),
      file,
      title: title ?? '',
      description: oneParagraph(description ?? ''),
    });
  }
  if (problems.length > 0) throw new Error(`rule metadata is incomplete:\n  ${problems.join('\n  ')}`);
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}

/** METADATA text blocks wrap at the source's line length; reports want the text as one paragraph. */
function oneParagraph(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
