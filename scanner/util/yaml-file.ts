import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { LexguardError, type ErrorCode } from '../errors';
import { readTextFile } from '../sources/read-text-file';

export type YamlPath = ReadonlyArray<string | number>;

/**
 * A YAML file read with positions, so that every problem found in it, by its schema or by later checks,
 * names the file and the line of the key at fault. Used for the configuration file and the control
 * catalog.
 */
export class YamlFile {
  private constructor(
    readonly file: string,
    /** The parsed value; an empty file is an empty mapping. */
    readonly value: unknown,
    private readonly document: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly code: ErrorCode,
  ) {}

  /** Reads and parses a file; a syntax error or a duplicate key is thrown as `code`, with its line. */
  static read(file: string, code: ErrorCode): YamlFile {
    const text = readTextFile(file);
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    const syntax = document.errors[0];
    if (syntax) {
      throw new LexguardError(code, `invalid YAML: ${syntax.message.split('\n')[0]}`, {
        position: { file, line: lines.linePos(syntax.pos[0]).line },
      });
    }
    return new YamlFile(file, document.toJS() ?? {}, document, lines, code);
  }

  /**
   * The value, checked against a JSON Schema. The first violation is thrown naming the key
   * (`retention.documents_days must be >= 1`; an unexpected key `… is not a <noun> key`) and its line.
   */
  validate<T>(validate: ValidateFunction, noun: string): T {
    if (validate(this.value)) return this.value as T;
    const error = (validate.errors ?? [])[0];
    if (!error) throw this.error(`the ${noun} is invalid`, []);
    const path = errorPath(error);
    throw this.error(describe(error, noun), path);
  }

  /** An error of this file's code naming the file and the line of the value at `path`. */
  error(message: string, path: YamlPath): LexguardError {
    return new LexguardError(this.code, message, { position: { file: this.file, line: this.lineOf(path) } });
  }

  /** The 1-based line of the value at `path` (of its key, inside a mapping), or of its closest ancestor. */
  lineOf(path: YamlPath): number | undefined {
    let node: unknown = this.document.contents;
    let offset: number | undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
        if (!pair) break;
        offset = (pair.key as { range?: [number] }).range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
        offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }
}

const compiled = new Map<string, ValidateFunction>();

/** The validator of a JSON Schema file, compiled once per process. */
export function schemaValidator(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
    compiled.set(schemaFile, validate);
  }
  return validate;
}

/** The path of the value an error is about; for an unexpected key, the key itself. */
function errorPath(error: ErrorObject): Array<string | number> {
  const parts: Array<string | number> = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (error.keyword === 'additionalProperties')
    parts.push((error.params as { additionalProperty: string }).additionalProperty);
  return parts;
}

/** `approved_regions[1] must match pattern …` rather than ajv's `/approved_regions/1`. */
function describe(error: ErrorObject, noun: string): string {
  const path = errorPath(error);
  if (error.keyword === 'additionalProperties') return `${keyPath(path)} is not a ${noun} key`;
  return `${keyPath(path) || `the ${noun}`} ${error.message ?? 'is invalid'}`;
}

/** `retention.documents_days`, `approved_regions[1]`. */
export function keyPath(path: YamlPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}
