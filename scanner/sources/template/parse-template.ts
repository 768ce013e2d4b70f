import { parse as parseJsonWithErrors, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { constructFromEvents, parseEvents, YAMLException, type Event } from 'js-yaml';
import { LexguardError } from '../../errors';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../input-limits';
import { readTextFile } from '../read-text-file';
import { CFN_YAML_SCHEMA } from './cfn-yaml-tags';
import { duplicateJsonKey } from './json-duplicate-keys';
import { JsonPositionIndex } from './json-positions';
import { scanJsonStructure, type JsonStructure } from './json-structure';
import { EventPositionIndex, LineTable, type PositionIndex } from './positions';
import type { TemplateBody } from './template-body';
import { aliasExpansionProblem } from './yaml-aliases';
import {
  ALIAS_EVENT,
  DOCUMENT_EVENT,
  MAPPING_EVENT,
  POP_EVENT,
  SCALAR_EVENT,
  SEQUENCE_EVENT,
} from './yaml-events';

/** One CloudFormation template read from a file (a YAML file may hold several documents). */
export interface ParsedTemplate {
  file: string;
  /** Index of the document in a multi-document YAML file; 0 otherwise. */
  document: number;
  body: TemplateBody;
  positions: PositionIndex;
}

export function parseTemplateFile(
  file: string,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): ParsedTemplate[] {
  const text = readTextFile(file, limits);
  return parseTemplateText(file, text, limits);
}

/** Parses template text; JSON when it looks like JSON (JSON is also YAML, but far cheaper to parse as JSON). */
export function parseTemplateText(
  file: string,
  text: string,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): ParsedTemplate[] {
  if (/^\s*\{/.test(text)) return [parseJson(file, text, limits)];
  return parseYaml(file, text, limits);
}

function parseJson(file: string, text: string, limits: InputLimits): ParsedTemplate {
  let lines: LineTable | undefined;
  const lineTable = (): LineTable => (lines ??= new LineTable(text));
  // JSON.parse and every walk after it recurse: refuse a hostile depth before any of them runs.
  const structure = scanJsonStructure(text, limits.maxNestingDepth);
  if (structure.tooDeep !== undefined) {
    throw new LexguardError('INPUT_TOO_LARGE', nestingMessage(limits), {
      position: { file, ...lineTable().position(structure.tooDeep) },
    });
  }
  const body = parseJsonText(file, text, lineTable);
  const duplicate = duplicateJsonKey(text, body, structure.colons);
  if (duplicate !== undefined) {
    throw new LexguardError('INPUT_MALFORMED', 'invalid JSON: duplicated mapping key', {
      position: { file, ...lineTable().position(duplicate) },
    });
  }
  const positions = jsonPositionIndex(text, lineTable, structure);
  return { file, document: 0, body: asTemplateBody(file, body, 0), positions };
}

/**
 * Positions in JSON text already parsed, indexed as lookups need them (see `JsonPositionIndex`); faster
 * with the text's structure when it was scanned.
 */
export function jsonPositionIndex(
  text: string,
  lines = (): LineTable => new LineTable(text),
  structure?: JsonStructure,
): PositionIndex {
  return new JsonPositionIndex(text, lines, structure);
}

/** Parses JSON text, refusing broken JSON with the position and kind of its first error. */
export function parseJsonText(
  file: string,
  text: string,
  lines = (): LineTable => new LineTable(text),
): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw jsonSyntaxError(file, text, lines());
  }
}

/** Re-reads broken JSON with a tolerant parser only to say where and what the first error is. */
export function jsonSyntaxError(file: string, text: string, lines = new LineTable(text)): LexguardError {
  const errors: ParseError[] = [];
  parseJsonWithErrors(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  const position = first ? lines.position(first.offset) : { line: 1, column: 1 };
  const what = first ? describeJsonError(printParseErrorCode(first.error)) : 'invalid JSON';
  return new LexguardError('INPUT_MALFORMED', what, { position: { file, ...position } });
}

function describeJsonError(code: string): string {
  // `CommaExpected` → `invalid JSON: comma expected`
  return `invalid JSON: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/**
 * Reads YAML with `js-yaml`'s event parser: the events give the values (about ten times faster than
 * building a syntax tree, and a quarter of the memory) and, kept, the positions of every node. Nesting is
 * bounded while parsing; alias expansion after it, before anything walks the values.
 */
function parseYaml(file: string, text: string, limits: InputLimits): ParsedTemplate[] {
  let lines: LineTable | undefined;
  const lineTable = (): LineTable => (lines ??= new LineTable(text));
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxNestingDepth });
    documents = constructFromEvents(events, { source: text, schema: CFN_YAML_SCHEMA });
  } catch (thrown) {
    throw yamlError(file, thrown, limits);
  }
  const roots = documentRoots(events);
  const hasAliases = events.some((event) => event.type === ALIAS_EVENT);
  const templates: ParsedTemplate[] = [];
  documents.forEach((document, index) => {
    // An empty document in a stream (a trailing `---`) holds no template.
    if ((document === null || document === undefined) && documents.length > 1) return;
    const root = roots[index];
    const expansion = hasAliases ? aliasExpansionProblem(document, limits) : undefined;
    if (expansion) {
      const alias = events.findIndex((event, at) => at > root && event.type === ALIAS_EVENT);
      const position = lineTable().position(alias >= 0 ? Math.max(0, aliasStart(events[alias])) : 0);
      throw new LexguardError('INPUT_TOO_LARGE', expansion, { position: { file, ...position } });
    }
    templates.push({
      file,
      document: index,
      body: asTemplateBody(file, document, index, lineTable().position(startOfDocument(events, root)).line),
      positions: new EventPositionIndex(text, lineTable, () => ({ events, root })),
    });
  });
  if (templates.length === 0) {
    throw new LexguardError('INPUT_MALFORMED', 'the file is empty', { position: { file, line: 1 } });
  }
  return templates;
}

/** The event index of each document's top-level value. */
function documentRoots(events: Event[]): number[] {
  const roots: number[] = [];
  let depth = 0;
  events.forEach((event, index) => {
    if (event.type === DOCUMENT_EVENT) {
      if (depth === 0) roots.push(index + 1);
      depth++;
    } else if (event.type === MAPPING_EVENT || event.type === SEQUENCE_EVENT) depth++;
    else if (event.type === POP_EVENT) depth--;
  });
  return roots;
}

function startOfDocument(events: Event[], root: number): number {
  const event = events[root] as Event | undefined;
  if (!event) return 0;
  if (event.type === MAPPING_EVENT || event.type === SEQUENCE_EVENT) return event.start;
  return event.type === SCALAR_EVENT ? event.valueStart : 0;
}

function aliasStart(event: Event): number {
  return event.type === ALIAS_EVENT ? event.anchorStart - 1 : 0;
}

function yamlError(file: string, thrown: unknown, limits: InputLimits): LexguardError {
  if (!(thrown instanceof YAMLException)) {
    return new LexguardError('INPUT_MALFORMED', `invalid YAML: ${String(thrown)}`, { position: { file } });
  }
  const position = thrown.mark
    ? { file, line: thrown.mark.line + 1, column: thrown.mark.column + 1 }
    : { file };
  if (/maxDepth/.test(thrown.reason)) {
    return new LexguardError('INPUT_TOO_LARGE', nestingMessage(limits), { position });
  }
  return new LexguardError('INPUT_MALFORMED', `invalid YAML: ${thrown.reason}`, { position });
}

function nestingMessage(limits: InputLimits): string {
  return `the template nests deeper than ${limits.maxNestingDepth} levels (limits.max_nesting_depth)`;
}

/** Checks the shape CloudFormation insists on: an object with a `Resources` object. */
function asTemplateBody(file: string, body: unknown, document: number, line = 1): TemplateBody {
  const where = document > 0 ? ` (document ${document + 1})` : '';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a CloudFormation template${where}: the top level is not a mapping`,
      { position: { file, line } },
    );
  }
  const resources = (body as Record<string, unknown>).Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a CloudFormation template${where}: it has no Resources mapping`,
      { position: { file, line } },
    );
  }
  return body as TemplateBody;
}
