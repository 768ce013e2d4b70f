import { parse as parseJsonWithErrors, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineCounter, parseAllDocuments } from 'yaml';
import { LexguardError } from '../../errors';
import { DEFAULT_INPUT_LIMITS, readTextFile, type InputLimits } from '../read-text-file';
import { CFN_YAML_TAGS } from './cfn-yaml-tags';
import { JsonPositionIndex, LineTable, YamlPositionIndex, type PositionIndex } from './positions';
import type { TemplateBody } from './template-body';

/** One CloudFormation template read from a file (a YAML file may hold several documents). */
export interface ParsedTemplate {
  file: string;
  /** Index of the document in a multi-document YAML file; 0 otherwise. */
  document: number;
  body: TemplateBody;
  positions: PositionIndex;
}

/** YAML aliases a document may expand before it is refused as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

export function parseTemplateFile(
  file: string,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): ParsedTemplate[] {
  const text = readTextFile(file, limits);
  return parseTemplateText(file, text);
}

/** Parses template text; JSON when it looks like JSON (JSON is also YAML, but far cheaper to parse as JSON). */
export function parseTemplateText(file: string, text: string): ParsedTemplate[] {
  if (/^\s*\{/.test(text)) return [parseJson(file, text)];
  return parseYaml(file, text);
}

function parseJson(file: string, text: string): ParsedTemplate {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw jsonSyntaxError(file, text);
  }
  return { file, document: 0, body: asTemplateBody(file, body, 0), positions: new JsonPositionIndex(text) };
}

/** Re-reads broken JSON with a tolerant parser only to say where and what the first error is. */
export function jsonSyntaxError(file: string, text: string): LexguardError {
  const errors: ParseError[] = [];
  parseJsonWithErrors(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  const position = first ? new LineTable(text).position(first.offset) : { line: 1, column: 1 };
  const what = first ? describeJsonError(printParseErrorCode(first.error)) : 'invalid JSON';
  return new LexguardError('INPUT_MALFORMED', what, { position: { file, ...position } });
}

function describeJsonError(code: string): string {
  // `CommaExpected` → `invalid JSON: comma expected`
  return `invalid JSON: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

function parseYaml(file: string, text: string): ParsedTemplate[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    customTags: CFN_YAML_TAGS,
    uniqueKeys: true,
    prettyErrors: false,
  });
  // parseAllDocuments returns an EmptyStream (no documents) for an empty file.
  if (!Array.isArray(documents) || documents.length === 0) {
    throw new LexguardError('INPUT_MALFORMED', 'the file is empty', { position: { file, line: 1 } });
  }
  return documents.map((document, index) => {
    const error = document.errors[0];
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw new LexguardError('INPUT_MALFORMED', `invalid YAML: ${firstLine(error.message)}`, {
        position: { file, line, column: col },
      });
    }
    let body: unknown;
    try {
      body = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (thrown) {
      const start = document.range[0];
      throw new LexguardError(
        'INPUT_TOO_LARGE',
        `YAML aliases expand beyond ${MAX_ALIAS_COUNT} references (an alias bomb?): ${thrown instanceof Error ? thrown.message : String(thrown)}`,
        { position: { file, line: lineCounter.linePos(start).line } },
      );
    }
    return {
      file,
      document: index,
      body: asTemplateBody(file, body, index),
      positions: new YamlPositionIndex(document, lineCounter),
    };
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/** Checks the shape CloudFormation insists on: an object with a `Resources` object. */
function asTemplateBody(file: string, body: unknown, document: number): TemplateBody {
  const where = document > 0 ? ` (document ${document + 1})` : '';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a CloudFormation template${where}: the top level is not a mapping`,
      {
        position: { file, line: 1 },
      },
    );
  }
  const resources = (body as Record<string, unknown>).Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
    throw new LexguardError(
      'INPUT_MALFORMED',
      `not a CloudFormation template${where}: it has no Resources mapping`,
      { position: { file, line: 1 } },
    );
  }
  return body as TemplateBody;
}
